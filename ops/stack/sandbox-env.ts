/** Driver settings that point the platform at the local processor sandboxes (the real providers: same variables). */
export const SANDBOX_CREDENTIALS = {
  ccbill: { appId: 'fanz-local-app', secret: 'fanz-local-secret', clientAccnum: '900100', clientSubacc: '0000',
    datalinkUsername: 'fanzdl', datalinkPassword: 'fanzdl-pass' },
} as const

export function sandboxDriverEnv(baseUrl: string) {
  const c = SANDBOX_CREDENTIALS.ccbill
  return {
    CCBILL_API_URL: baseUrl,
    CCBILL_DATALINK_URL: baseUrl,
    CCBILL_CLIENT_ACCNUM: c.clientAccnum,
    CCBILL_CLIENT_SUBACC: c.clientSubacc,
    CCBILL_APP_ID: c.appId,
    CCBILL_SECRET: c.secret,
    CCBILL_DATALINK_USERNAME: c.datalinkUsername,
    CCBILL_DATALINK_PASSWORD: c.datalinkPassword,
    // CCBill does not sign webhooks; its published ranges plus, locally, the sandbox on loopback
    CCBILL_ALLOWED_CIDRS: '64.38.212.0/24,64.38.215.0/24,64.38.240.0/24,64.38.241.0/24,127.0.0.1/32',
  }
}
