import assert from 'node:assert/strict'
import { loadSandboxConfig } from '../sandboxes/config.ts'
import { SANDBOX_CREDENTIALS } from './sandbox-env.ts'

// the sandboxes take their credentials from their own defaults, the drivers from SANDBOX_CREDENTIALS: they must agree
describe('sandbox credentials', () => {
  it('are the same on both sides of the local stack', () => {
    const c = loadSandboxConfig({})
    const { ccbill, segpay, epoch, verotel, veriff } = SANDBOX_CREDENTIALS
    assert.deepEqual(
      [c.CCBILL_APP_ID, c.CCBILL_SECRET, c.CCBILL_CLIENT_ACCNUM, c.CCBILL_CLIENT_SUBACC, c.CCBILL_DATALINK_USERNAME, c.CCBILL_DATALINK_PASSWORD],
      [ccbill.appId, ccbill.secret, ccbill.clientAccnum, ccbill.clientSubacc, ccbill.datalinkUsername, ccbill.datalinkPassword])
    assert.deepEqual([c.SEGPAY_PACKAGE_ID, c.SEGPAY_PRICE_POINT_ID, c.SEGPAY_SRS_USER_ID, c.SEGPAY_SRS_ACCESS_KEY],
      [segpay.packageId, segpay.pricePointId, segpay.srsUserId, segpay.srsAccessKey])
    assert.deepEqual([c.EPOCH_CO_CODE, c.EPOCH_HMAC_KEY, c.EPOCH_CSA_USERNAME, c.EPOCH_CSA_PASSWORD],
      [epoch.coCode, epoch.hmacKey, epoch.csaUsername, epoch.csaPassword])
    assert.deepEqual([c.VEROTEL_SHOP_ID, c.VEROTEL_SIGNATURE_KEY, c.VEROTEL_API_USERNAME, c.VEROTEL_API_PASSWORD],
      [verotel.shopId, verotel.signatureKey, verotel.apiUsername, verotel.apiPassword])
    assert.deepEqual([c.VERIFF_API_KEY, c.VERIFF_SHARED_SECRET], [veriff.apiKey, veriff.sharedSecret])
  })
})
