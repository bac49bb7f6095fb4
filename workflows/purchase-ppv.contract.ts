/** Contract of purchasePpv: a fan unlocks a creator's post with a one-off payment. */
import { defineQuery } from '@temporalio/workflow'
import { TASK_QUEUES } from './task-queues.ts'
import type { Referral } from '../domain/revenue-split.ts'
import type { Settlement } from '../domain/ledger/templates.ts'

export type PurchasePpvInput = {
  purchaseId: string
  fanId: string
  postId: string
  processor: 'ccbill' | 'segpay' | 'epoch' | 'verotel' | 'crypto'
  /** the processor's stored payment method for this fan */
  paymentToken: string
  /** fan's tax jurisdiction (ISO country or country-region), decides VAT / sales tax */
  jurisdiction: string
}

export type PurchaseState = 'quoting' | 'charging' | 'posting' | 'granting' | 'completed' | 'declined' | 'compensating' | 'failed'
export type PurchasePpvOutput = { state: 'completed' | 'declined' | 'failed'; transactionId: string | null; reason: string | null }

/** What the quote activity reads, so the split is computed deterministically inside the workflow. */
export type PurchaseQuote = {
  brand: string
  creatorId: string
  amount: number
  currency: string
  taxBps: number
  creatorShareBps: number
  chargebackWindowDays: number
  /** the stored share deal behind creatorShareBps; null or absent: the 80 % default (absent in runs before deals existed) */
  shareRuleId?: string | null
  /** the referrer earning part of the platform's cut on this creator's sales, while the referral runs */
  referral?: Referral | null
  /** set when the brand settles creator shares in another currency than the sale's: the rate to convert at */
  settlement?: Settlement | null
}

export const purchasePpvWorkflowId = (fanId: string, postId: string) => `ppv:${fanId}:${postId}`

/**
 * Idempotency keys of one purchase attempt. They are built from the purchase id, not the workflow id: the same fan
 * may buy the same post again after a decline, reusing the workflow id, and that attempt must charge and post anew.
 */
export const purchaseKey = (purchaseId: string, step: 'charge' | 'sale' | 'sale:reversal' | 'refund' | 'release') => `purchase:${purchaseId}:${step}`
export const purchasePpvTaskQueue = TASK_QUEUES.finance

export const PURCHASE_ERRORS = {
  ownPost: 'OWN_POST',
  postUnavailable: 'POST_UNAVAILABLE',
  alreadyEntitled: 'ALREADY_ENTITLED',
  creatorSuspended: 'CREATOR_SUSPENDED',
} as const

export const purchaseStateQuery = defineQuery<PurchaseState>('purchaseState')
