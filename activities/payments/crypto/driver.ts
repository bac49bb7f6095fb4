/** The crypto driver: stablecoin payments from custodial wallets through the payment router, approved after N confirmations. */
import { getAddress, type Address, type Hex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { lazyChain } from '../../chain/clients.ts'
import type { WalletCustody } from '../../chain/custody.ts'
import { NOTIFICATION_ERRORS, NotificationRejected, PROCESSORS, type ProcessorDriver } from '../driver.ts'
import { createCharge } from './charge.ts'
import { createRails } from './rails.ts'
import { createReversals } from './refund.ts'

export type CryptoDriverConfig = {
  /** JSON-RPC endpoint of the chain (the local anvil, or a provider's URL for a real chain) */
  rpcUrl: string
  /** the stablecoin: FanzUSD locally, USDC's address on a real chain */
  tokenAddress: Address
  routerAddress: Address
  /** secret: the treasury receives every payment, pays the gas of relaying it, and sends refunds */
  treasuryPrivateKey: Hex
  /** where the fans' wallet keys come from */
  custody: WalletCustody
  /** blocks on top of the payment's (itself included) before we call it paid; default 2 */
  confirmations?: number
  /** how long one charge or refund waits for its confirmations before failing retryably; default 20 s */
  confirmationTimeoutMs?: number
  /** default 250 ms (a quarter of the local 1 s block time) */
  pollingIntervalMs?: number
  /** how long a signed payment order (and its permit) stays valid; default 1 h */
  orderTtlSeconds?: number
}

/** A ProcessorDriver for stablecoin payments on an EVM chain. The chain is the record: nothing is kept in memory but caches. */
export function createCryptoDriver(config: CryptoDriverConfig): ProcessorDriver {
  const pollingIntervalMs = config.pollingIntervalMs ?? 250
  const token = getAddress(config.tokenAddress)
  const rails = createRails({
    chain: lazyChain(config.rpcUrl, { pollingIntervalMs }),
    token,
    router: getAddress(config.routerAddress),
    treasury: privateKeyToAccount(config.treasuryPrivateKey),
    depth: { confirmations: config.confirmations ?? 2, timeoutMs: config.confirmationTimeoutMs ?? 20_000, pollingIntervalMs },
    orderTtlSeconds: config.orderTtlSeconds ?? 3600,
  })
  const reversals = createReversals(rails)
  return {
    name: PROCESSORS.crypto,
    charge: createCharge({ rails, custody: config.custody, token }),
    refund: reversals.refund,
    status: reversals.status,
    parseNotification() {
      // charge() returns only once the chain holds the payment N blocks deep, and status() reads the chain: nobody
      // pushes crypto events to us, so an inbound "notification" can only be forged
      throw new NotificationRejected(NOTIFICATION_ERRORS.malformed,
        'The crypto processor takes no notifications: payments are confirmed by reading the chain.')
    },
    notificationAck: () => ({ status: 200, contentType: 'text/plain', body: 'OK' }),
  }
}
