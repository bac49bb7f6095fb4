/** Naming the custom error a contract call reverted with, so callers branch on `PaymentExists`, not on message text. */
import { BaseError, ContractFunctionRevertedError } from 'viem'
import { paymentRouterAbi, stablecoinAbi } from './abis.ts'

/** The router's ABI plus the token errors it bubbles up, so either kind of revert decodes by name. */
export const routerCallAbi = [...paymentRouterAbi, ...stablecoinAbi.filter((item) => item.type === 'error')] as const

/** The custom error a contract call reverted with, by name (undefined for transport and other failures). */
export function revertName(err: unknown): string | undefined {
  if (!(err instanceof BaseError)) return undefined
  const reverted = err.walk((e) => e instanceof ContractFunctionRevertedError)
  return reverted instanceof ContractFunctionRevertedError ? reverted.data?.errorName : undefined
}
