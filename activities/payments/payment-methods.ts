/**
 * Fans' stored payment methods (table payment_methods) and which token a charge uses. Verotel's oneClickToken is
 * single-use: every approved sale's postback brings the next one, kept here encrypted with the fan's own key.
 */
import { CodedError } from '../../domain/coded-error.ts'
import type { PiiCipher } from '../identity/deps.ts'
import { PII_ERRORS, PiiError } from '../pii/errors.ts'
import { PROCESSORS, type ProcessorName } from './driver.ts'

/** Where a stored token lives, as the pii service binds it. */
export const TOKEN_PURPOSE = 'payment_methods.token_ciphertext'

type Row = { personId: string; processor: string; tokenCiphertext: string; sourceEventId: string | null; sourceAt: Date }
type Key = { personId: string; processor: string }

/** The calls on payment_methods this needs: Prisma's, or an in-memory table in unit tests. */
export type PaymentMethodTable = {
  findUnique(args: { where: { personId_processor: Key } }): Promise<Row | null>
  createMany(args: { data: Row[]; skipDuplicates: true }): Promise<{ count: number }>
  updateMany(args: { where: Key & { sourceAt: { lte: Date } }; data: Omit<Row, keyof Key> & { updatedAt: Date } }): Promise<{ count: number }>
}

/** What became of a token handed to save(). */
export const SAVE_OUTCOMES = {
  stored: 'STORED',
  /** a token from a later event is on file: this one was used up before it arrived */
  newerOnFile: 'NEWER_ON_FILE',
  /** the reference is not a person id of ours (person_id is a UUID) */
  notAPerson: 'NOT_A_PERSON',
  /** the fan's key is destroyed (erased): nothing can be stored for them any more */
  personErased: 'PERSON_ERASED',
} as const
export type SaveOutcome = (typeof SAVE_OUTCOMES)[keyof typeof SAVE_OUTCOMES]

/** Why no token can be charged for a fan. */
export const PAYMENT_TOKEN_REFUSALS = {
  required: 'PAYMENT_TOKEN_REQUIRED',
  walletNotYours: 'WALLET_NOT_YOURS',
  noStoredMethod: 'NO_STORED_PAYMENT_METHOD',
} as const
export type PaymentTokenRefusal = (typeof PAYMENT_TOKEN_REFUSALS)[keyof typeof PAYMENT_TOKEN_REFUSALS]
export class PaymentTokenRefused extends CodedError<PaymentTokenRefusal> {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const erased = (err: unknown) => err instanceof PiiError && err.code === PII_ERRORS.KEY_DESTROYED

export function createPaymentMethods({ db, pii }: { db: { paymentMethod: PaymentMethodTable }; pii: Pick<PiiCipher, 'encrypt' | 'decrypt'> }) {
  /** The fan's stored token at a processor, decrypted; null when there is none, or the fan is erased. */
  async function stored(personId: string, processor: ProcessorName): Promise<string | null> {
    const row = UUID.test(personId) ? await db.paymentMethod.findUnique({ where: { personId_processor: { personId, processor } } }) : null
    if (!row) return null
    return pii.decrypt(personId, TOKEN_PURPOSE, row.tokenCiphertext).catch((err: unknown) => {
      if (erased(err)) return null
      throw err
    })
  }

  return {
    stored,

    /** Keeps a token a processor issued with an event, unless one from a later event is on file (one conditional write). */
    async save(m: { personId: string; processor: ProcessorName; token: string; sourceEventId: string; sourceAt: Date }): Promise<SaveOutcome> {
      if (!UUID.test(m.personId)) return SAVE_OUTCOMES.notAPerson
      let tokenCiphertext: string
      try {
        tokenCiphertext = await pii.encrypt(m.personId, TOKEN_PURPOSE, m.token)
      } catch (err) {
        if (erased(err)) return SAVE_OUTCOMES.personErased
        throw err
      }
      const row = { personId: m.personId, processor: m.processor, tokenCiphertext, sourceEventId: m.sourceEventId, sourceAt: m.sourceAt }
      // the first token of a fan inserts; later ones replace it only if not older (a late redelivery must not win)
      if ((await db.paymentMethod.createMany({ data: [row], skipDuplicates: true })).count === 1) return SAVE_OUTCOMES.stored
      const { count } = await db.paymentMethod.updateMany({
        where: { personId: m.personId, processor: m.processor, sourceAt: { lte: m.sourceAt } },
        data: { tokenCiphertext, sourceEventId: m.sourceEventId, sourceAt: m.sourceAt, updatedAt: new Date() },
      })
      return count === 1 ? SAVE_OUTCOMES.stored : SAVE_OUTCOMES.newerOnFile
    },

    /**
     * The token a charge for this fan uses: crypto pays from the fan's own custodial wallet (the token is their id),
     * Verotel takes the given token or the stored one, card processors need one given. Throws PaymentTokenRefused.
     */
    async tokenFor({ processor, personId, given }: { processor: ProcessorName; personId: string; given?: string | undefined }): Promise<string> {
      if (processor === PROCESSORS.crypto) {
        if (given !== undefined && given !== personId) {
          throw new PaymentTokenRefused(PAYMENT_TOKEN_REFUSALS.walletNotYours, 'A crypto payment comes from your own wallet: leave paymentToken out, or send your own person id.')
        }
        return personId
      }
      if (given !== undefined) return given
      if (processor !== PROCESSORS.verotel) {
        throw new PaymentTokenRefused(PAYMENT_TOKEN_REFUSALS.required, `paymentToken is required for ${processor}.`)
      }
      const token = await stored(personId, processor)
      if (!token) {
        throw new PaymentTokenRefused(PAYMENT_TOKEN_REFUSALS.noStoredMethod, 'You have no stored Verotel payment method yet: send a paymentToken.')
      }
      return token
    },
  }
}
export type PaymentMethods = ReturnType<typeof createPaymentMethods>
