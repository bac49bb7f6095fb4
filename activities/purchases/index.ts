/** Activities of PPV purchases and tips: quote from PostgreSQL, charge/refund through a processor driver, access. */
import { ApplicationFailure } from '@temporalio/activity'
import type { Db } from '../../prisma/client.ts'
import { taxRateBps } from '../../domain/tax.ts'
import { assertPurchaseAmount, money, MoneyError } from '../../domain/money.ts'
import { TIP_ERRORS } from '../../workflows/send-tip.contract.ts'
import { PURCHASE_ERRORS, type PurchaseQuote } from '../../workflows/purchase-ppv.contract.ts'
import { saleRules } from './sale-rules.ts'
import type { ChargeRequest, ChargeResult, ProcessorDriver, ProcessorName, RefundRequest, RefundResult } from '../payments/driver.ts'

export type PurchaseDeps = { db: Db; drivers: Partial<Record<ProcessorName, ProcessorDriver>>; chargebackWindowDays: number }
type Status = 'PENDING' | 'COMPLETED' | 'DECLINED' | 'FAILED' | 'REFUNDED' | 'CHARGED_BACK'
export type PurchaseRecord = {
  purchaseId: string
  status: Status
  transactionId?: string | null
  ledgerEntryId?: string
  declineCode?: string
  failureReason?: string
  split?: object
  /** the fields of a new row; given on the first call */
  create?: { workflowId: string; kind: string; fanId: string; creatorId: string; postId: string | null; brand: string
    amount: number; currency: string; processor: string }
}

export function createPurchaseActivities({ db, drivers, chargebackWindowDays }: PurchaseDeps) {
  const driver = (name: ProcessorName): ProcessorDriver => {
    const d = drivers[name]
    if (!d) throw ApplicationFailure.nonRetryable(`processor ${name} is not configured`, 'PROCESSOR_UNAVAILABLE')
    return d
  }
  return {
    /** Reads the price and the rules that decide the split; refuses purchases that must not happen. */
    async quotePurchase({ fanId, postId, jurisdiction }: { fanId: string; postId: string; jurisdiction: string }): Promise<PurchaseQuote> {
      const post = await db.post.findUnique({ where: { id: postId } })
      // a subscribers-only video's post has no price: it is watched with a subscription, never bought
      if (!post || post.status !== 'PUBLISHED' || post.priceMinor <= 0) throw ApplicationFailure.nonRetryable('That post is not for sale.', PURCHASE_ERRORS.postUnavailable)
      if (post.creatorId === fanId) throw ApplicationFailure.nonRetryable('You cannot buy your own post.', PURCHASE_ERRORS.ownPost)
      const brand = await db.brand.findUniqueOrThrow({ where: { id: post.brandId } })
      const rules = await saleRules(db, { brand: brand.slug, creatorId: post.creatorId, currency: post.currency, at: new Date() })
      return { brand: brand.slug, creatorId: post.creatorId, amount: post.priceMinor, currency: post.currency,
        taxBps: taxRateBps(jurisdiction), chargebackWindowDays, ...rules }
    },

    /** Checks a tip (a creator on that brand, not oneself, within the amount limits) and the rules of its split. */
    async quoteTip(i: { fanId: string; creatorId: string; brand: string; amount: number; currency: string; jurisdiction: string }): Promise<PurchaseQuote> {
      if (i.creatorId === i.fanId) throw ApplicationFailure.nonRetryable('You cannot tip yourself.', TIP_ERRORS.ownTip)
      const persona = await db.persona.findFirst({ where: { personId: i.creatorId, kind: 'creator', brand: { slug: i.brand } } })
      if (!persona) throw ApplicationFailure.nonRetryable('That creator is not on this brand.', TIP_ERRORS.notACreator)
      try {
        assertPurchaseAmount(money(i.amount, i.currency))
      } catch (err) {
        if (err instanceof MoneyError) throw ApplicationFailure.nonRetryable(err.message, err.code)
        throw err
      }
      const rules = await saleRules(db, { brand: i.brand, creatorId: i.creatorId, currency: i.currency, at: new Date() })
      return { brand: i.brand, creatorId: i.creatorId, amount: i.amount, currency: i.currency, taxBps: taxRateBps(i.jurisdiction),
        chargebackWindowDays, ...rules }
    },

    /** Charges the fan's stored payment method; a decline is an answer, not a failure. */
    async chargeFan(request: ChargeRequest & { processor: ProcessorName }): Promise<ChargeResult> {
      const { processor, ...charge } = request
      return driver(processor).charge(charge)
    },

    /** Refunds (or voids, if unsettled) a charge; keyed so a retry never refunds twice. */
    async refundCharge(request: RefundRequest & { processor: ProcessorName }): Promise<RefundResult> {
      const { processor, ...refund } = request
      return driver(processor).refund(refund)
    },

    /** Gives the fan access to the post (idempotent on fan + post). */
    async grantEntitlement({ fanId, postId, purchaseId }: { fanId: string; postId: string; purchaseId: string }): Promise<void> {
      await db.entitlement.upsert({ where: { fanId_postId: { fanId, postId } }, create: { fanId, postId, purchaseId },
        update: { purchaseId, revokedAt: null } })
    },

    /** Takes access away again, when this purchase granted it. */
    async revokeEntitlement({ fanId, postId, purchaseId }: { fanId: string; postId: string; purchaseId: string }): Promise<void> {
      await db.entitlement.updateMany({ where: { fanId, postId, purchaseId, revokedAt: null }, data: { revokedAt: new Date() } })
    },

    /** Keeps the purchases read model current for the storefront and the back office (created by the first call). */
    async recordPurchase(input: PurchaseRecord): Promise<void> {
      const { purchaseId, ledgerEntryId, split, create, ...rest } = input
      const data = { ...rest, updatedAt: new Date(), ...(ledgerEntryId ? { ledgerEntryId: BigInt(ledgerEntryId) } : {}),
        ...(split ? { split: JSON.parse(JSON.stringify(split)) } : {}) }
      if (!create) return void (await db.purchase.update({ where: { id: purchaseId }, data }))
      await db.purchase.upsert({ where: { id: purchaseId }, update: data, create: { id: purchaseId, ...create, ...data } })
    },
  }
}
