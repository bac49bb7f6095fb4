import assert from 'node:assert/strict'
import { bicFitsIbanCountry, compactCode, IBAN_LENGTHS, ibanProblem, isAbaRoutingNumber, isBic } from './bank-numbers.ts'

describe('bank numbers', () => {
  const ibans: [iban: string, problem: ReturnType<typeof ibanProblem>][] = [
    ['DE89370400440532013000', null],
    ['GB29NWBK60161331926819', null],
    ['CH9300762011623852957', null],
    ['NO9386011117947', null],
    ['FR1420041010050500013M02606', null],
    ['NL91ABNA0417164300', null],
    ['BE68539007547034', null],
    ['MT84MALT011000012345MTLCAST001S', null],
    ['PL61109010140000071219812874', null],
    ['DE89370400440532013001', 'CHECKSUM'],
    ['DE98370400440532013000', 'CHECKSUM'], // transposed check digits
    ['GB29NWBK6016133192681', 'LENGTH'],
    ['NO93860111179470', 'LENGTH'],
    ['US12345678901234567890', 'COUNTRY'],
    ['BR1800360305000010009795493C1', 'COUNTRY'], // a valid Brazilian IBAN: not a country we pay to
    ['D89370400440532013000', 'FORMAT'],
    ['DEAB370400440532013000', 'FORMAT'],
    ['DE89-3704-0044-0532-0130-00', 'FORMAT'],
    ['', 'FORMAT'],
  ]
  for (const [iban, problem] of ibans) {
    it(`IBAN ${iban || '(empty)'} -> ${problem ?? 'valid'}`, () => assert.equal(ibanProblem(iban), problem))
  }

  it('the length table covers SEPA and GB, CH, NO with plausible lengths', () => {
    for (const c of ['AT', 'BE', 'DE', 'ES', 'FR', 'IE', 'IT', 'NL', 'PT', 'SE', 'DK', 'PL', 'CZ', 'GB', 'CH', 'NO', 'LI', 'IS']) {
      assert.ok(IBAN_LENGTHS[c], c)
    }
    assert.ok(Object.values(IBAN_LENGTHS).every((n) => n >= 15 && n <= 34))
  })

  it('compacts codes the way people type them', () => assert.equal(compactCode(' de89 3704 0044\t0532 0130 00 '), 'DE89370400440532013000'))

  const bics: [bic: string, valid: boolean][] = [
    ['DEUTDEFF', true], ['DEUTDEFF500', true], ['NWBKGB2L', true], ['UBSWCHZH80A', true],
    ['DEUTDEF', false], ['DEUTDEFF5', false], ['DEUTDEFF50', false], ['DEU1DEFF', false], ['DEUTD3FF', false], ['DEUTDEFF50!', false],
  ]
  for (const [bic, valid] of bics) it(`BIC ${bic} is ${valid ? 'valid' : 'refused'}`, () => assert.equal(isBic(bic), valid))

  const fits: [bic: string, country: string, fits: boolean][] = [
    ['DEUTDEFF', 'DE', true], ['DEUTDEFF', 'AT', false], ['RBOSJESH', 'GB', true], ['BNPAREREXXX', 'FR', true], ['AABAFI22', 'FI', true],
    ['RBOSJESH', 'FR', false],
  ]
  for (const [bic, country, expected] of fits) {
    it(`BIC ${bic} ${expected ? 'fits' : 'does not fit'} an IBAN of ${country}`, () => assert.equal(bicFitsIbanCountry(bic, country), expected))
  }

  const routings: [routing: string, valid: boolean][] = [
    ['011000015', true], ['021000021', true], ['026009593', true], ['121000358', true], ['322271627', true], ['111000025', true],
    ['021000022', false], // checksum
    ['000000000', false], // passes 3-7-1 but is no bank
    ['800000000', false], // traveler's cheques prefix
    ['13000000', false], ['0210000211', false], ['02100002a', false],
  ]
  for (const [routing, valid] of routings) {
    it(`routing number ${routing} is ${valid ? 'valid' : 'refused'}`, () => assert.equal(isAbaRoutingNumber(routing), valid))
  }
})
