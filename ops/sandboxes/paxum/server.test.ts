import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { listen, type Listening } from '../listen.ts'
import { createPaxumSandbox, type PaxumSandbox } from './server.ts'

const SECRET = 'sandbox-secret'
const md5 = (s: string) => createHash('md5').update(s).digest('hex')

describe('paxum sandbox wire protocol', () => {
  let sandbox: PaxumSandbox
  let server: Listening
  beforeEach(async () => {
    sandbox = createPaxumSandbox({ fromEmail: 'merchant@fanz.test', sharedSecret: SECRET })
    server = await listen(sandbox.app, 0)
  })
  afterEach(() => server.close())

  const api = (fields: Record<string, string>) => fetch(`${server.url}/payment/api/paymentAPI.php`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() })
  const code = async (res: Response) => /<ResponseCode>(\w+)<\/ResponseCode>/.exec(await res.text())?.[1]
  const transfer = { method: 'transferFunds', fromEmail: 'merchant@fanz.test', toEmail: 'a@b.test', amount: '10.50', currency: 'USD', note: 'n', reference: 'r-1' }

  it('checks key = MD5(secret + toEmail + amount + currency + note + reference), optional values left out', async () => {
    assert.equal(await code(await api({ ...transfer, key: md5(`${SECRET}a@b.test10.50USDnr-1`) })), '00')
    assert.equal(await code(await api({ ...transfer, key: md5(`${SECRET}10.50a@b.testUSDnr-1`) })), '03')
    assert.equal(await code(await api({ ...transfer, fromEmail: 'other@fanz.test', key: md5(`${SECRET}a@b.test10.50USDnr-1`) })), '03')
    assert.equal(await code(await api({ ...transfer, method: 'massTransferFunds', key: 'x' })), 'IM')
    assert.equal(sandbox.state.list().length, 1)
  })

  it('takes no idempotency key: the same transfer sent twice pays twice, as Paxum does', async () => {
    const key = md5(`${SECRET}a@b.test10.50USDnr-1`)
    await api({ ...transfer, key })
    await api({ ...transfer, key })
    assert.equal(sandbox.state.list().length, 2)
    assert.equal(sandbox.state.balance('USD'), 1_000_000_000 - 2100)
  })

  it('refuses malformed control requests', async () => {
    const post = (path: string, body: unknown) => fetch(`${server.url}/sandbox/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    assert.deepEqual([(await post('fail-next', { count: -1 })).status, (await post('report-adjust', { providerRef: 'nope', amount: 1 })).status,
      (await post('report-extra', { amount: 1.5, currency: 'USD' })).status], [400, 404, 400])
  })
})
