/** The crypto payout rail: stablecoin from the platform treasury to a creator's address, through the payment router. */
import { getAddress, type Address, type Hex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { isCurrency } from '../../../../domain/money.ts'
import { stablecoinAbi } from '../../../chain/abis.ts'
import { lazyChain } from '../../../chain/clients.ts'
import { createRails } from '../../../payments/crypto/rails.ts'
import { PAYOUT_FAILURES, RAIL_NOTIFICATION_ERRORS, RailNotificationRejected, type PayoutRail } from '../../rail.ts'
import { parsePayee, unitsPerMinor } from './amounts.ts'
import { createPayouts } from './payout.ts'
import { reportPayouts } from './report.ts'

export type CryptoRailConfig = {
  /** JSON-RPC endpoint of the chain (the local anvil, or a provider's URL for a real chain) */
  rpcUrl: string
  /** the stablecoin: FanzUSD locally, USDC's address on a real chain */
  tokenAddress: Address
  routerAddress: Address
  /** secret: the treasury pays every payout and its gas */
  treasuryPrivateKey: Hex
  /** the currency the stablecoin is pegged to; payouts in any other are refused; default USD */
  currency?: string
  /** blocks on top of the payout's (itself included) before it counts as settled; default 2 */
  confirmations?: number
  /** how long one send() waits for its transaction to be mined before failing retryably; default 20 s */
  confirmationTimeoutMs?: number
  /** default 250 ms (a quarter of the local 1 s block time) */
  pollingIntervalMs?: number
}

/** EIP-7702: an account whose code is only a delegation designator is still a key holder's account, free to move tokens. */
const isDelegatedAccount = (code: Hex) => code.length === 48 && code.toLowerCase().startsWith('0xef0100')

/** A PayoutRail for stablecoin payouts on an EVM chain. The chain is the record: nothing is kept in memory but caches. */
export function createCryptoRail(config: CryptoRailConfig): PayoutRail {
  const currency = config.currency ?? 'USD'
  if (!isCurrency(currency)) throw new Error(`the crypto payout rail cannot be pegged to ${currency}: not a currency we know`)
  const pollingIntervalMs = config.pollingIntervalMs ?? 250
  const chain = lazyChain(config.rpcUrl, { pollingIntervalMs })
  const [token, router] = [getAddress(config.tokenAddress), getAddress(config.routerAddress)]
  const depth = { confirmations: config.confirmations ?? 2, timeoutMs: config.confirmationTimeoutMs ?? 20_000, pollingIntervalMs }
  // the treasury signs its own orders at once: an hour is ample
  const rails = createRails({ chain, token, router, treasury: privateKeyToAccount(config.treasuryPrivateKey), depth, orderTtlSeconds: 3600 })
  let scale: Promise<bigint> | undefined
  // only decimals: USDC need not answer the EIP-5267 domain read that permits use
  const readScale = async () => unitsPerMinor(currency,
    await (await chain()).public.readContract({ address: token, abi: stablecoinAbi, functionName: 'decimals' }))
  const scaleOf = () => (scale ??= readScale().catch((err: unknown) => {
    scale = undefined
    throw err
  }))
  const payouts = createPayouts({ rails, chain, token, currency, depth, scale: scaleOf })

  return {
    name: 'crypto',
    async verifyDestination(destination) {
      if (destination.rail !== 'crypto') return { verified: false, failure: PAYOUT_FAILURES.unsupported, message: `crypto cannot pay a ${destination.rail} destination` }
      const payee = parsePayee(destination.address, rails.treasury)
      if ('problem' in payee) return { verified: false, failure: PAYOUT_FAILURES.invalidAccount, message: payee.problem }
      const code = (await (await chain()).public.getCode({ address: payee.address })) ?? '0x'
      if (code !== '0x' && !isDelegatedAccount(code)) {
        return { verified: false, failure: PAYOUT_FAILURES.invalidAccount,
          message: 'the address is a smart contract, which may be unable to move the tokens it receives; use a wallet address' }
      }
      // no recipient id: the address itself is stored encrypted with the method, and would leak here in clear
      return { verified: true, providerRecipientId: null }
    },
    send: payouts.send,
    status: payouts.status,
    parseNotification() {
      // send() and status() read the chain: nobody pushes payout events to us, so an inbound "notification" can only be forged
      throw new RailNotificationRejected(RAIL_NOTIFICATION_ERRORS.malformed, 'The crypto rail takes no notifications: payouts are read from the chain.')
    },
    async report(range) {
      const client = (await chain()).public
      return reportPayouts({ client, router, token, treasury: rails.treasury, currency, confirmations: depth.confirmations, scale: await scaleOf() }, range)
    },
  }
}
