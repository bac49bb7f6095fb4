import assert from 'node:assert/strict'
import { DATA_CATEGORIES, HOLD_COVERS, erasureResumesAt, evaluateHolds, keyMustBeKept, withheld, type Hold, type HoldFacts, type HoldKind } from './holds.ts'

const DAY = 86_400_000
const now = new Date('2026-11-24T12:00:00Z')
const at = (iso: string) => new Date(iso)
const ago = (days: number, ms = 0) => new Date(now.getTime() - days * DAY + ms)
const none: HoldFacts = { performerRecords: [], kycCases: [], openChargebacks: [], recentPurchases: [], payouts: null, litigation: [] }
const summary = (holds: Hold[]) => holds.map((h) => [h.kind, h.ref, h.until?.toISOString() ?? null])

describe('legal holds', () => {
  describe('evaluation', () => {
    const table: [string, Partial<HoldFacts>, [HoldKind, string, string | null][]][] = [
      ['nothing to hold', {}, []],
      ['a 2257 record: 7 years from its last amendment', { performerRecords: [{ id: 'r1', lastAmendedAt: at('2020-01-10T08:00:00Z') }] },
        [['records_2257', 'r1', '2027-01-10T08:00:00.000Z']]],
      ['a 2257 record whose 7 years end exactly now', { performerRecords: [{ id: 'r1', lastAmendedAt: at('2019-11-24T12:00:00Z') }] }, []],
      ['a 2257 record whose 7 years end 1 ms from now', { performerRecords: [{ id: 'r1', lastAmendedAt: at('2019-11-24T12:00:00.001Z') }] },
        [['records_2257', 'r1', '2026-11-24T12:00:00.001Z']]],
      ['a 2257 record amended later: the amendment restarts the 7 years', { performerRecords: [{ id: 'r1', lastAmendedAt: at('2024-05-01T00:00:00Z') }] },
        [['records_2257', 'r1', '2031-05-01T00:00:00.000Z']]],
      ['a 2257 record amended on 29 February: a day late, never early', { performerRecords: [{ id: 'r1', lastAmendedAt: at('2024-02-29T10:00:00Z') }] },
        [['records_2257', 'r1', '2031-03-01T10:00:00.000Z']]],
      ['the same record listed twice: the later amendment wins', { performerRecords: [{ id: 'r1', lastAmendedAt: at('2020-01-01T00:00:00Z') }, { id: 'r1', lastAmendedAt: at('2023-01-01T00:00:00Z') }] },
        [['records_2257', 'r1', '2030-01-01T00:00:00.000Z']]],
      ['a KYC case of someone without performer records', { kycCases: [{ id: 'k1', decidedAt: at('2025-01-01T00:00:00Z') }] }, []],
      ['a KYC case decided before the record: kept with the record', {
        performerRecords: [{ id: 'r1', lastAmendedAt: at('2025-03-01T00:00:00Z') }], kycCases: [{ id: 'k1', decidedAt: at('2025-01-01T00:00:00Z') }],
      }, [['records_2257', 'k1', '2032-03-01T00:00:00.000Z'], ['records_2257', 'r1', '2032-03-01T00:00:00.000Z']]],
      ['a KYC re-verification decided after the record: its own 7 years', {
        performerRecords: [{ id: 'r1', lastAmendedAt: at('2025-03-01T00:00:00Z') }], kycCases: [{ id: 'k2', decidedAt: at('2026-06-01T00:00:00Z') }],
      }, [['records_2257', 'k2', '2033-06-01T00:00:00.000Z'], ['records_2257', 'r1', '2032-03-01T00:00:00.000Z']]],
      ['an undecided KYC case: kept with the newest record', {
        performerRecords: [{ id: 'r1', lastAmendedAt: at('2021-01-01T00:00:00Z') }, { id: 'r2', lastAmendedAt: at('2022-01-01T00:00:00Z') }], kycCases: [{ id: 'k3', decidedAt: null }],
      }, [['records_2257', 'k3', '2029-01-01T00:00:00.000Z'], ['records_2257', 'r1', '2028-01-01T00:00:00.000Z'], ['records_2257', 'r2', '2029-01-01T00:00:00.000Z']]],
      ['expired records and a KYC case as old', {
        performerRecords: [{ id: 'r1', lastAmendedAt: at('2018-01-01T00:00:00Z') }], kycCases: [{ id: 'k1', decidedAt: at('2018-01-01T00:00:00Z') }],
      }, []],
      ['an open chargeback: until closed', { openChargebacks: [{ id: 'cb1', openedAt: ago(400) }] }, [['chargeback', 'cb1', null]]],
      ['a purchase 119 days ago', { recentPurchases: [{ id: 'p1', at: ago(119) }] }, [['chargeback', 'p1', '2026-11-25T12:00:00.000Z']]],
      ['a purchase exactly 120 days ago', { recentPurchases: [{ id: 'p1', at: ago(120) }] }, []],
      ['a purchase 1 ms less than 120 days ago', { recentPurchases: [{ id: 'p1', at: ago(120, 1) }] }, [['chargeback', 'p1', '2026-11-24T12:00:00.001Z']]],
      ['a payout on New Year\'s Eve in New York: already next year in UTC', { payouts: { lastPaidAt: at('2026-12-31T23:30:00-05:00') } }, [['tax', 'payouts', '2035-01-01T00:00:00.000Z']]],
      ['a payout in the last millisecond of the UTC year', { payouts: { lastPaidAt: at('2026-12-31T23:59:59.999Z') } }, [['tax', 'payouts', '2034-01-01T00:00:00.000Z']]],
      ['a last payout in 2019: held to the start of 2027', { payouts: { lastPaidAt: at('2019-01-01T00:00:00Z') } }, [['tax', 'payouts', '2027-01-01T00:00:00.000Z']]],
      ['a last payout in 2018: released at the start of 2026', { payouts: { lastPaidAt: at('2018-12-31T23:59:59Z') } }, []],
      ['an undated litigation hold', { litigation: [{ id: 'l1', reason: 'Subpoena 24-118', until: null }] }, [['litigation', 'l1', null]]],
      ['a litigation hold ending exactly now', { litigation: [{ id: 'l1', reason: 'Subpoena 24-118', until: now }] }, []],
      ['a litigation hold ending tomorrow', { litigation: [{ id: 'l1', reason: 'Subpoena 24-118', until: ago(-1) }] }, [['litigation', 'l1', '2026-11-25T12:00:00.000Z']]],
      ['the same litigation hold twice, dated and undated: undated wins', {
        litigation: [{ id: 'l1', reason: 'a', until: ago(-1) }, { id: 'l1', reason: 'b', until: null }, { id: 'l1', reason: 'c', until: ago(-2) }],
      }, [['litigation', 'l1', null]]],
      ['every kind, in kind order then ref', {
        litigation: [{ id: 'l1', reason: 'Claim', until: null }], payouts: { lastPaidAt: at('2026-01-01T00:00:00Z') },
        recentPurchases: [{ id: 'p2', at: ago(1) }], openChargebacks: [{ id: 'cb1', openedAt: ago(3) }], performerRecords: [{ id: 'r1', lastAmendedAt: ago(10) }],
      }, [['records_2257', 'r1', '2033-11-14T12:00:00.000Z'], ['chargeback', 'cb1', null], ['chargeback', 'p2', '2027-03-23T12:00:00.000Z'],
        ['tax', 'payouts', '2034-01-01T00:00:00.000Z'], ['litigation', 'l1', null]]],
    ]
    for (const [name, facts, expected] of table) {
      it(name, () => assert.deepEqual(summary(evaluateHolds({ ...none, ...facts }, now)), expected))
    }

    it('takes another retention', () => {
      const holds = evaluateHolds({ ...none, recentPurchases: [{ id: 'p1', at: ago(100) }], payouts: { lastPaidAt: at('2026-05-01T00:00:00Z') } }, now,
        { records2257Years: 7, taxYears: 10, disputeWindowDays: 90 })
      assert.deepEqual(summary(holds), [['tax', 'payouts', '2037-01-01T00:00:00.000Z']])
    })

    const reasons: [string, Partial<HoldFacts>, string, RegExp[]][] = [
      ['2257', { performerRecords: [{ id: 'r1', lastAmendedAt: at('2024-05-01T00:00:00Z') }] }, 'r1', [/28 CFR 75\.4/, /2024-05-01/, /2031-05-01/]],
      ['KYC', { performerRecords: [{ id: 'r1', lastAmendedAt: ago(1) }], kycCases: [{ id: 'k1', decidedAt: null }] }, 'k1', [/28 CFR 75\.4/, /k1/]],
      ['open chargeback', { openChargebacks: [{ id: 'cb1', openedAt: at('2026-11-01T00:00:00Z') }] }, 'cb1', [/Art\. 17\(3\)\(e\)/, /cb1/, /2026-11-01/]],
      ['dispute window', { recentPurchases: [{ id: 'p1', at: ago(10) }] }, 'p1', [/Art\. 17\(3\)\(e\)/, /120 days/]],
      ['tax', { payouts: { lastPaidAt: at('2026-12-31T23:30:00-05:00') } }, 'payouts', [/26 U\.S\.C\. 6001/, /Art\. 17\(3\)\(b\)/, /end of 2027/, /2035-01-01/]],
      ['litigation', { litigation: [{ id: 'l1', reason: '  Subpoena 24-118 ', until: null }] }, 'l1', [/Subpoena 24-118 \(/, /until released/, /Art\. 17\(3\)\(e\)/]],
    ]
    for (const [kind, facts, ref, patterns] of reasons) {
      it(`explains a ${kind} hold with the law`, () => {
        const hold = evaluateHolds({ ...none, ...facts }, now).find((h) => h.ref === ref)
        for (const p of patterns) assert.match(hold?.reason ?? '', p)
      })
    }
  })

  describe('coverage', () => {
    const table: [HoldKind, string[]][] = [
      ['records_2257', ['kyc', 'performer_records']],
      ['chargeback', ['purchases', 'subscriptions', 'ledger', 'audit']],
      ['tax', ['payouts', 'tax_forms', 'ledger']],
      ['litigation', [...DATA_CATEGORIES]],
    ]
    for (const [kind, categories] of table) it(`${kind} keeps ${categories.length} categories`, () => assert.deepEqual([...HOLD_COVERS[kind]].sort(), [...categories].sort()))
    it('never keeps card data for a dispute: it is the processor\'s', () => assert.equal(HOLD_COVERS.chargeback.includes('payment_methods'), false))
    it('gives each hold the categories of its kind', () => {
      const [hold] = evaluateHolds({ ...none, payouts: { lastPaidAt: ago(1) } }, now)
      assert.deepEqual(hold?.categories, [...HOLD_COVERS.tax])
    })
  })

  describe('what is withheld, and until when', () => {
    const hold = (kind: HoldKind, ref: string, until: Date | null): Hold => ({ kind, ref, until, reason: ref, categories: [...HOLD_COVERS[kind]] })
    const tax = hold('tax', 'payouts', at('2034-01-01T00:00:00Z'))
    const purchase = hold('chargeback', 'p1', at('2027-01-10T00:00:00Z'))
    const dispute = hold('chargeback', 'cb1', null)
    const record = hold('records_2257', 'r1', at('2030-01-01T00:00:00Z'))
    const lawsuit = hold('litigation', 'l1', null)

    it('lists each kept category with its holds, in category order', () => {
      const map = withheld([tax, purchase])
      assert.deepEqual([...map.keys()], ['purchases', 'subscriptions', 'payouts', 'tax_forms', 'ledger', 'audit'])
      assert.deepEqual(map.get('ledger')?.map((h) => h.ref), ['payouts', 'p1'])
      assert.equal(withheld([]).size, 0)
      assert.equal(withheld([lawsuit]).size, DATA_CATEGORIES.length)
    })

    const resumes: [string, Hold[], Date | null | 'on_release'][] = [
      ['nothing held', [], null],
      ['dated holds: the earliest end', [tax, purchase, record], purchase.until],
      ['dated and undated: the earliest dated end', [dispute, tax, lawsuit], tax.until],
      ['only undated holds', [dispute, lawsuit], 'on_release'],
    ]
    for (const [name, holds, expected] of resumes) it(`erasure resumes: ${name}`, () => assert.deepEqual(erasureResumesAt(holds), expected))

    const keys: [string, Hold[], boolean][] = [
      ['nothing held', [], false], ['a 2257 record', [record], true], ['tax records', [tax], true],
      ['disputes only', [purchase, dispute], false], ['a litigation hold (everything)', [lawsuit], true],
    ]
    for (const [name, holds, kept] of keys) it(`the key ${kept ? 'is kept' : 'may be shredded'}: ${name}`, () => assert.equal(keyMustBeKept(holds), kept))
  })
})
