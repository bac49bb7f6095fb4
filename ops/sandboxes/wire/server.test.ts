import assert from 'node:assert/strict'
import { listen, type Listening } from '../listen.ts'
import { createWireSandbox, type WireSandbox } from './server.ts'

const AUTH = { authorization: `Basic ${Buffer.from('u:p').toString('base64')}`, 'content-type': 'application/xml' }
const pain001 = (msgId: string, amount = '10.00') => `<?xml version="1.0"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"><CstmrCdtTrfInitn>
<GrpHdr><MsgId>${msgId}</MsgId><CreDtTm>2024-05-01T00:00:00Z</CreDtTm><NbOfTxs>1</NbOfTxs><CtrlSum>${amount}</CtrlSum><InitgPty><Nm>F</Nm></InitgPty></GrpHdr>
<PmtInf><PmtInfId>${msgId}</PmtInfId><PmtMtd>TRF</PmtMtd><NbOfTxs>1</NbOfTxs><CtrlSum>${amount}</CtrlSum><ReqdExctnDt><Dt>2024-05-01</Dt></ReqdExctnDt>
<Dbtr><Nm>F</Nm></Dbtr><DbtrAcct><Id><IBAN>GB82WEST12345698765432</IBAN></Id></DbtrAcct><DbtrAgt><FinInstnId><BICFI>WESTGB2L</BICFI></FinInstnId></DbtrAgt>
<CdtTrfTxInf><PmtId><EndToEndId>${msgId}</EndToEndId></PmtId><Amt><InstdAmt Ccy="EUR">${amount}</InstdAmt></Amt>
<CdtrAgt><FinInstnId><BICFI>COBADEFFXXX</BICFI></FinInstnId></CdtrAgt><Cdtr><Nm>A</Nm></Cdtr>
<CdtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></CdtrAcct><RmtInf><Ustrd>x</Ustrd></RmtInf></CdtTrfTxInf></PmtInf>
</CstmrCdtTrfInitn></Document>`

describe('wire sandbox bank protocol', () => {
  let sandbox: WireSandbox
  let server: Listening
  beforeEach(async () => {
    sandbox = createWireSandbox({ username: 'u', password: 'p', settleDelayMs: 10_000 })
    server = await listen(sandbox.app, 0)
  })
  afterEach(() => server.close())

  const post = (body: string, headers: Record<string, string> = AUTH) => fetch(`${server.url}/payments`, { method: 'POST', headers, body })
  const status = async (res: Response) => [res.status, /<TxSts>(\w+)<\/TxSts>|<GrpSts>(\w+)<\/GrpSts>/.exec(await res.text())?.slice(1).find(Boolean)]

  it('answers 202 ACTC for a new MsgId and refuses a repeated one as a bank does (409, RJCT DU01), paying once', async () => {
    assert.deepEqual(await status(await post(pain001('M-1'))), [202, 'ACTC'])
    const repeat = await post(pain001('M-1', '99.00'))
    const body = await repeat.text()
    assert.equal(repeat.status, 409)
    assert.match(body, /<OrgnlMsgId>M-1<\/OrgnlMsgId>[\s\S]*<GrpSts>RJCT<\/GrpSts>\s*<StsRsnInf>\s*<Rsn>\s*<Cd>DU01<\/Cd>/)
    assert.doesNotMatch(body, /<TxSts>/)
    assert.deepEqual([sandbox.state.list().length, sandbox.state.balance('EUR')], [1, 1_000_000_000 - 1000])
    assert.deepEqual(await status(await fetch(`${server.url}/payments/M-1/status`, { headers: AUTH })), [200, 'ACSP'])
  })

  it('rejects what it cannot read with FF01, a CtrlSum mismatch with AM02, and wrong credentials with 401', async () => {
    assert.deepEqual(await status(await post('<Document/>')), [400, 'RJCT'])
    const mismatch = await (await post(pain001('M-2').replace('<CtrlSum>10.00</CtrlSum>', '<CtrlSum>11.00</CtrlSum>'))).text()
    assert.match(mismatch, /<TxSts>RJCT<\/TxSts>\s*<StsRsnInf>\s*<Rsn>\s*<Cd>AM02<\/Cd>/)
    assert.equal((await post(pain001('M-3'), { ...AUTH, authorization: 'Basic dTp4' })).status, 401)
    assert.equal((await fetch(`${server.url}/payments/M-9/status`, { headers: AUTH })).status, 404)
  })
})
