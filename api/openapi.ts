/** The OpenAPI 3.1 description of the API, served at /openapi.json and browsable at /docs. */
const error = { $ref: '#/components/responses/Error' }
const bearer = [{ bearerAuth: [] }]
const listParams = ['sort', 'range', 'filter'].map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' },
  description: { sort: 'JSON ["field","ASC"|"DESC"]', range: 'JSON [start,end], at most 500 rows', filter: 'JSON object' }[name] }))
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }
const json = (schema: object, description = 'OK') => ({ description, content: { 'application/json': { schema } } })
const list = (summary: string, tag: string) => ({ get: { summary, tags: [tag], security: bearer, parameters: listParams,
  responses: { 200: { ...json({ type: 'array', items: { type: 'object' } }), headers: { 'Content-Range': { schema: { type: 'string' } } } }, 400: error, 401: error, 403: error } } })
const one = (summary: string, tag: string) => ({ get: { summary, tags: [tag], security: bearer, parameters: [idParam],
  responses: { 200: json({ type: 'object' }), 400: error, 401: error, 403: error, 404: error } } })

const checkResult = { type: 'object', required: ['name', 'ok', 'latencyMs', 'detail', 'error'], properties: {
  name: { type: 'string' }, ok: { type: 'boolean' }, latencyMs: { type: ['number', 'null'] },
  detail: { type: ['string', 'null'] }, error: { type: ['string', 'null'] } } }

export function openApiDocument(version: string) {
  return {
    openapi: '3.1.0',
    info: { title: 'fanz-unified API', version, description: 'Starts, signals and queries the platform\'s Temporal workflows; reads back-office read models.' },
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
      responses: { Error: json({ type: 'object', properties: { error: { type: 'object', required: ['code', 'message'], properties: {
        code: { type: 'string', description: 'machine-readable, e.g. VALIDATION_FAILED' }, message: { type: 'string' },
        details: {}, requestId: { type: 'string' } } } } }, 'Error') },
    },
    paths: {
      '/healthz': { get: { summary: 'Liveness', tags: ['ops'], responses: { 200: json({ type: 'object' }) } } },
      '/readyz': { get: { summary: 'Readiness of every dependency; deep=1 also runs checkPlatform', tags: ['ops'],
        parameters: [{ name: 'deep', in: 'query', schema: { type: 'string', enum: ['0', '1'] } }],
        responses: { 200: json({ type: 'object' }), 503: json({ type: 'object', properties: { down: { type: 'array', items: { type: 'string' } } } }, 'A dependency is down; `down` names it') } } },
      '/api/meta': { get: { summary: 'Links the apps need (Temporal Web UI)', tags: ['ops'], responses: { 200: json({ type: 'object' }) } } },
      '/api/auth/login': { post: { summary: 'Sign in with email and password', tags: ['auth'],
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['email', 'password'], properties: { email: { type: 'string', format: 'email' }, password: { type: 'string' } } } } } },
        responses: { 200: json({ type: 'object', properties: { token: { type: 'string' }, person: { type: 'object' } } }), 400: error, 401: error } } },
      '/api/auth/logout': { post: { summary: 'Revoke the current session', tags: ['auth'], security: bearer, responses: { 204: { description: 'Signed out' } } } },
      '/api/auth/me': { get: { summary: 'The signed-in person', tags: ['auth'], security: bearer, responses: { 200: json({ type: 'object' }), 401: error } } },
      '/api/platform-checks': {
        post: { summary: 'Start the checkPlatform workflow', tags: ['ops'], security: bearer,
          responses: { 202: { ...json({ type: 'object', properties: { id: { type: 'string' }, workflowId: { type: 'string' }, runId: { type: 'string' } } }, 'Started'), headers: { Location: { schema: { type: 'string' } } } }, 401: error, 403: error } },
        ...list('Past platform checks', 'ops'),
      },
      '/api/platform-checks/{id}': { get: { ...one('One platform check', 'ops').get,
        responses: { 200: json({ type: 'object', properties: { status: { type: 'string' }, ok: { type: ['boolean', 'null'] }, checks: { type: 'array', items: checkResult } } }), 400: error, 401: error, 403: error, 404: error } } },
      '/api/workflows/counts': { get: { summary: 'Running workflows per type', tags: ['ops'], security: bearer, responses: { 200: json({ type: 'object' }), 401: error, 403: error } } },
      '/api/ledger-entries': list('Journal entries with postings and the run that caused each', 'finance'),
      '/api/ledger-entries/{id}': { get: { summary: 'One journal entry', tags: ['finance'], security: bearer,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: json({ type: 'object' }), 400: error, 401: error, 403: error, 404: error } } },
      '/api/ledger-accounts': list('Ledger accounts and balances', 'finance'),
      '/api/reports/trial-balance': { get: { summary: 'Trial balance per currency', tags: ['finance'], security: bearer, responses: { 200: json({ type: 'object' }), 401: error, 403: error } } },
      ...Object.fromEntries([['pnl', 'Profit and loss for a period'], ['balance-sheet', 'Balance sheet at a moment (to)'],
        ['creator-statement', 'A creator statement (creatorId required)']].map(([name, summary]) => [`/api/reports/${name}`, { get: { summary, tags: ['finance'],
        security: bearer, parameters: ['currency', 'from', 'to', 'brand', 'format', 'creatorId'].map((q) => ({ name: q, in: 'query', required: false, schema: { type: 'string' } })),
        responses: { 200: { description: 'JSON, or CSV with format=csv' }, 400: error, 401: error, 403: error } } }])),
      '/api/reports/revenue-series': { get: { summary: 'Sales, refunds, chargebacks, revenue and fees per day/week/month in one currency', tags: ['finance'],
        security: bearer, parameters: ['currency', 'from', 'to', 'brand', 'bucket'].map((q) => ({ name: q, in: 'query', required: q === 'currency', schema: { type: 'string' } })),
        responses: { 200: json({ type: 'object' }), 400: error, 401: error, 403: error } } },
      '/api/chargeback-cases': list('Chargeback cases (read model of handleChargeback runs)', 'finance'),
      '/api/chargeback-cases/{id}': one('One chargeback case with a short-lived evidence link', 'finance'),
      '/api/revenue-share-rules': { ...list('Creator share deals per brand or creator', 'finance'),
        post: { summary: 'Add a share deal (finance)', tags: ['finance'], security: bearer, responses: { 201: json({ type: 'object' }, 'Created'), 400: error, 401: error, 403: error, 422: error } } },
      '/api/revenue-share-rules/{id}/end': { post: { summary: 'End a share deal now', tags: ['finance'], security: bearer, parameters: [idParam],
        responses: { 200: json({ type: 'object' }), 401: error, 403: error, 404: error, 409: error } } },
      '/api/referrals': { ...list('Referrals: who earns part of the platform cut on a creator', 'finance'),
        post: { summary: 'Add a referral (one per brand and creator)', tags: ['finance'], security: bearer, responses: { 201: json({ type: 'object' }, 'Created'), 400: error, 401: error, 403: error, 409: error, 422: error } } },
      '/api/referrals/{id}/end': { post: { summary: 'End a referral now', tags: ['finance'], security: bearer, parameters: [idParam],
        responses: { 200: json({ type: 'object' }), 401: error, 403: error, 404: error, 409: error } } },
      '/api/fx-rates': { ...list('Exchange rates by day', 'finance'),
        post: { summary: 'Record a day\'s rate of a pair (fixed once written)', tags: ['finance'], security: bearer,
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['base', 'quote', 'asOf', 'rate', 'source'], properties: {
            base: { type: 'string' }, quote: { type: 'string' }, asOf: { type: 'string', format: 'date' }, rate: { type: 'string', examples: ['1.0850'] }, source: { type: 'string' } } } } } },
          responses: { 201: json({ type: 'object' }, 'Created'), 400: error, 401: error, 403: error, 409: error } } },
      '/api/brands': list('Brands', 'back office'), '/api/brands/{id}': one('One brand', 'back office'),
      '/api/people': list('People across brands', 'back office'), '/api/people/{id}': one('One person', 'back office'),
      '/api/audit-logs': list('Audit trail', 'back office'),
      '/api/purchases': { post: { summary: 'Buy a PPV post (starts purchasePpv)', tags: ['money'], security: bearer,
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['postId', 'jurisdiction'], properties: {
          postId: { type: 'string', format: 'uuid' }, processor: { type: 'string', enum: ['ccbill', 'segpay', 'epoch', 'verotel', 'crypto'] },
          paymentToken: { type: 'string', description: 'required for card processors; verotel: the stored one-click token when left out; crypto: the fan id' }, jurisdiction: { type: 'string', examples: ['DE', 'US-TX'] } } } } } },
        responses: { 202: { ...json({ type: 'object' }, 'Started'), headers: { Location: { schema: { type: 'string' } } } }, 400: error, 401: error, 404: error, 409: error, 422: error } } },
      '/api/purchases/{id}': one('One purchase', 'money'),
      '/api/tips': { post: { summary: 'Tip a creator (starts sendTip); read the outcome at /api/purchases/{id}', tags: ['money'], security: bearer,
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['creatorId', 'brand', 'amount', 'currency', 'jurisdiction'],
          properties: { creatorId: { type: 'string', format: 'uuid' }, brand: { type: 'string' }, amount: { type: 'integer', description: 'minor units' },
            currency: { type: 'string' }, message: { type: 'string', maxLength: 500 }, paymentToken: { type: 'string' }, jurisdiction: { type: 'string' } } } } } },
        responses: { 202: { ...json({ type: 'object' }, 'Started'), headers: { Location: { schema: { type: 'string' } } } }, 400: error, 401: error, 404: error, 422: error } } },
      '/api/purchases/{id}/refund': { post: { summary: 'Refund a purchase (starts refundPurchase): its fan within 24 h, finance any time', tags: ['money'],
        security: bearer, parameters: [idParam], requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['reason'],
          properties: { reason: { type: 'string' } } } } } },
        responses: { 202: { ...json({ type: 'object' }, 'Started'), headers: { Location: { schema: { type: 'string' } } } }, 400: error, 401: error, 409: error } } },
      '/api/posts/{id}/access': one('Whether the signed-in fan may view a post', 'money'),
      '/webhooks/{processor}': { post: { summary: 'Processor notifications (verified, stored raw, deduped, signalled)', tags: ['money'],
        parameters: [{ name: 'processor', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 200: { description: 'Acknowledged as the processor expects' }, 400: error, 401: error, 403: error, 404: error } } },
    },
  } as const
}
