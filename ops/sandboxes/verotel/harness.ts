/** Test support: the Verotel sandbox on a free port with a postback receiver, and the settings a driver needs for it. */
import type { ChargeRequest } from '../../../activities/payments/driver.ts'
import { listen, type Listening } from '../listen.ts'
import { RECEIVER_ROUTES, startWebhookReceiver, type ScriptedAnswer, type WebhookReceiver } from '../webhook-receiver.ts'
import { createVerotelSandbox, type VerotelSandbox, type VerotelSandboxOptions } from './server.ts'

export const HARNESS_CREDENTIALS = { shopId: '100200', signatureKey: 'fanz-test-flexpay-key', apiUsername: 'fanzcc', apiPassword: 'fanzcc-pass' }

export type VerotelHarness = {
  sandbox: VerotelSandbox
  server: Listening
  receiver: WebhookReceiver
  /** what createVerotelDriver needs to talk to this sandbox */
  driverConfig: typeof HARNESS_CREDENTIALS & { flexpayBaseUrl: string; controlCenterApiUrl: string }
  /** POST /sandbox/{settle|chargeback} for a sale; resolves to the HTTP status */
  control(action: 'settle' | 'chargeback', saleID: string): Promise<number>
  stop(): Promise<void>
}

/** Starts sandbox and receiver (postbacks after 10 ms unless told otherwise). */
export async function startVerotelHarness(options: Partial<VerotelSandboxOptions> = {}, script: ScriptedAnswer[] = []): Promise<VerotelHarness> {
  const receiver = await startWebhookReceiver({ ...RECEIVER_ROUTES.verotel, script })
  const sandbox = createVerotelSandbox({ ...HARNESS_CREDENTIALS, postbackUrl: receiver.url, postbackDelayMs: 10, ...options })
  const server = await listen(sandbox.app, 0)
  return {
    sandbox, server, receiver,
    driverConfig: { ...HARNESS_CREDENTIALS, flexpayBaseUrl: server.url, controlCenterApiUrl: `${server.url}/api` },
    control: async (action, saleID) => (await fetch(`${server.url}/sandbox/${action}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ transactionId: saleID }) })).status,
    stop: async () => {
      sandbox.stop()
      await Promise.all([server.close(), receiver.close()])
    },
  }
}

/** A charge request for a sandbox token, with a fresh idempotency key unless one is given. */
export const chargeRequest = (over: Partial<ChargeRequest> = {}): ChargeRequest => ({
  idempotencyKey: `ppv:fan-1:post-1:charge:${Math.random()}`, paymentToken: 'tok_approve_visa', amount: 999, currency: 'USD',
  description: 'PPV post', reference: { workflowId: 'ppv:fan-1:post-1', fanId: 'fan-1' }, ...over,
})
