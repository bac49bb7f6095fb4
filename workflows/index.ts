// Every workflow the workers run; the function name is the workflow type: never rename a deployed one.
export { checkPlatform } from './check-platform.ts'
export { purchasePpv } from './purchase-ppv.ts'
export { handleChargeback } from './handle-chargeback.ts'
export { refundPurchase } from './refund-purchase.ts'
export { sendTip } from './send-tip.ts'
export { signupFan } from './signup-fan.ts'
export { verifyIdentity } from './verify-identity.ts'
export { subscription } from './subscription.ts'
