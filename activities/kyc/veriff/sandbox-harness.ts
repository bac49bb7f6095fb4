/** Test support: the KYC sandbox on port 0 with a webhook receiver, and a Veriff driver that records its requests. */
import { listen, type Listening } from '../../../ops/sandboxes/listen.ts'
import { createKycSandbox, type KycSandbox } from '../../../ops/sandboxes/kyc/server.ts'
import { RECEIVER_ROUTES, startWebhookReceiver, type WebhookReceiver } from '../../../ops/sandboxes/webhook-receiver.ts'
import type { CreateSessionRequest } from '../provider.ts'
import { createVeriffDriver, type VeriffDriverConfig } from './driver.ts'

/** The test integration's credentials, and a person id in the UUID shape Veriff's endUserId takes. */
export const API_KEY = '9d2e4f6a-8b1c-4d3e-a5f7-0b2c4d6e8f1a'
export const SECRET = 'driver-test-shared-secret'
export const PERSON_ID = 'c1de400b-1877-4284-8494-071d37916197'

type Started = { sandbox: KycSandbox; server: Listening; receiver: WebhookReceiver }

/** Registers mocha hooks that start a fresh sandbox per test; call inside a describe. */
export function useKycSandbox() {
  let started: Started | null = null
  const h = {
    requests: [] as { url: string; headers: Headers; body: string }[],
    get sandbox() { return current().sandbox },
    get url() { return current().server.url },
    get receiver() { return current().receiver },
    async start(options: { duplicateWebhooks?: boolean } = {}) {
      const receiver = await startWebhookReceiver(RECEIVER_ROUTES.kyc)
      let url = ''
      const sandbox = createKycSandbox({ apiKey: API_KEY, sharedSecret: SECRET, webhookUrl: receiver.url, webhookDelayMs: 10,
        publicUrl: () => url, ...options })
      const server = await listen(sandbox.app, 0)
      url = server.url
      started = { sandbox, server, receiver }
    },
    async stop() {
      if (!started) return
      started.sandbox.stop()
      await Promise.all([started.server.close(), started.receiver.close()])
      started = null
    },
    /** A driver for the sandbox; every request it sends lands in `requests`. */
    driver(overrides: Partial<VeriffDriverConfig> = {}) {
      h.requests = []
      const recording: typeof fetch = (input, init) => {
        h.requests.push({ url: String(input), headers: new Headers(init?.headers), body: String(init?.body ?? '') })
        return fetch(input, init)
      }
      return createVeriffDriver({ apiBaseUrl: h.url, apiKey: API_KEY, sharedSecret: SECRET, fetch: recording, ...overrides })
    },
    request: (over: Partial<CreateSessionRequest> = {}): CreateSessionRequest => ({
      idempotencyKey: 'kyc:case-1:session', personId: PERSON_ID, vendorData: 'kyc:case-1', callbackUrl: 'https://fanz.example/kyc/done',
      person: { firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1990-12-10' }, ...over,
    }),
    /** Decides a session through the sandbox's JSON control, as if the person had finished the hosted flow. */
    decide: (sessionId: string, body: unknown) => fetch(`${h.url}/sandbox/sessions/${sessionId}/decide`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  }
  function current(): Started {
    if (!started) throw new Error('the sandbox is not running')
    return started
  }
  beforeEach(() => h.start())
  afterEach(() => h.stop())
  return h
}
