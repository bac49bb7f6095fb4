import assert from 'node:assert/strict'
import { PAYOUT_FAILURES, RAIL_NOTIFICATION_ERRORS, RailNotificationRejected, type PayoutRail } from '../../rail.ts'
import { usePayoutFixture, type PayoutFixture } from './fixture.ts'

describe('crypto payout rail: destinations and notifications', function () {
  let f: PayoutFixture
  let rail: PayoutRail
  usePayoutFixture(this, (fixture, defaultRail) => {
    [f, rail] = [fixture, defaultRail]
  })

  const verify = (address: string) => rail.verifyDestination({ rail: 'crypto', address })

  it('verifies a wallet address, checksummed or all lower case, and stores no recipient id (the address is encrypted)', async () => {
    const creator = f.newCreator()
    assert.deepEqual(await verify(creator), { verified: true, providerRecipientId: null })
    assert.deepEqual(await verify(creator.toLowerCase()), { verified: true, providerRecipientId: null })
  })

  it('verifies an EIP-7702 account: its code only delegates, the key holder still moves the tokens', async () => {
    const creator = f.newCreator()
    await f.testClient.setCode({ address: creator, bytecode: `0xef0100${f.router.slice(2)}` })
    assert.deepEqual(await verify(creator), { verified: true, providerRecipientId: null })
  })

  const refusals: [string, (f: PayoutFixture) => string, RegExp][] = [
    ['too short', () => '0x1234', /40 hexadecimal digits/],
    ['not hex', () => `0x${'g'.repeat(40)}`, /40 hexadecimal digits/],
    ['no 0x', (f) => f.newCreator().slice(2), /40 hexadecimal digits/],
    ['surrounding spaces', (f) => ` ${f.newCreator()} `, /40 hexadecimal digits/],
    ['a mistyped checksum', (f) => f.newCreator().replace(/[a-f]/, (c) => c.toUpperCase()), /checksum/],
    ['the zero address', () => `0x${'0'.repeat(40)}`, /zero address/],
    ["the platform's own treasury", (f) => f.treasury, /treasury/],
    ['a contract (the router)', (f) => f.router, /smart contract/],
    ['a contract (the token itself)', (f) => f.token.toLowerCase(), /smart contract/],
  ]
  for (const [name, address, reason] of refusals) {
    it(`refuses ${name} as INVALID_ACCOUNT, with a reason for the creator`, async () => {
      const result = await verify(address(f))
      assert.ok(!result.verified, JSON.stringify(result))
      assert.equal(result.failure, PAYOUT_FAILURES.invalidAccount)
      assert.match(result.message, reason)
    })
  }

  it('refuses a destination of another rail as UNSUPPORTED', async () => {
    const result = await rail.verifyDestination({ rail: 'paxum', holderName: 'Ada Lovelace', email: 'ada@example.test' })
    assert.deepEqual(result.verified ? null : result.failure, PAYOUT_FAILURES.unsupported)
  })

  it('takes no notifications: every one is rejected as malformed', () => {
    const notification = { url: '/webhooks/payouts/crypto', headers: {}, rawBody: '{"status":"settled"}', sourceIp: '127.0.0.1', receivedAt: new Date().toISOString() }
    assert.throws(() => rail.parseNotification(notification),
      (err) => err instanceof RailNotificationRejected && err.code === RAIL_NOTIFICATION_ERRORS.malformed && /read from the chain/.test(err.message))
  })
})
