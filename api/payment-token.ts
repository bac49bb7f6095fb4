/** The token a fan's charge uses, or a clear 4xx before any workflow starts: the processor must be offered here. */
import type { PiiCipher } from '../activities/identity/deps.ts'
import type { ProcessorDriver, ProcessorName } from '../activities/payments/driver.ts'
import { PAYMENT_TOKEN_REFUSALS, PaymentTokenRefused, createPaymentMethods, type PaymentTokenRefusal } from '../activities/payments/payment-methods.ts'
import type { Db } from '../prisma/client.ts'
import { DomainError, type ErrorKind } from './errors.ts'

const REFUSAL_KINDS: Record<PaymentTokenRefusal, ErrorKind> = {
  [PAYMENT_TOKEN_REFUSALS.required]: 'validation', [PAYMENT_TOKEN_REFUSALS.walletNotYours]: 'walletNotYours',
  [PAYMENT_TOKEN_REFUSALS.noStoredMethod]: 'noStoredPaymentMethod',
}

export type PaymentTokenDeps = { db: Db; drivers: Partial<Record<string, ProcessorDriver>>; pii: Pick<PiiCipher, 'encrypt' | 'decrypt'> }

/** Resolves the token to charge: crypto pays from the fan's own wallet, Verotel may use the stored token, cards need one given. */
export function createPaymentTokens({ db, drivers, pii }: PaymentTokenDeps) {
  const paymentMethods = createPaymentMethods({ db, pii })
  return async function paymentTokenFor(input: { processor: ProcessorName; paymentToken?: string | undefined }, fanId: string): Promise<string> {
    if (!drivers[input.processor]) throw new DomainError('processorUnavailable', `Payments through ${input.processor} are not offered here.`)
    try {
      return await paymentMethods.tokenFor({ processor: input.processor, personId: fanId, given: input.paymentToken })
    } catch (err) {
      if (!(err instanceof PaymentTokenRefused)) throw err
      const details = err.code === PAYMENT_TOKEN_REFUSALS.required ? [{ path: 'paymentToken', message: err.message }] : undefined
      throw new DomainError(REFUSAL_KINDS[err.code], err.message, details)
    }
  }
}
