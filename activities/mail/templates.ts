/** Transactional mail templates as typed data: each one's input schema and what it says; layout.ts renders the words. */
import { z } from 'zod'
import { BRANDS, type Brand } from '../../domain/brands.ts'
import type { MailTemplate } from './template-names.ts'

export { MAIL_TEMPLATES, type MailTemplate } from './template-names.ts'

/** What a message says, as plain strings; the layout escapes every one of them for HTML. */
export type MailContent = {
  subject: string
  greeting: string
  paragraphs: string[]
  /** a one-time code shown large, for people who cannot open the link */
  code?: string
  action?: { label: string; url: string }
  note?: string
}

// callers pass a slug ('boyfanz') or the display name ('BoyFanz'); both name one brand of the registry
const brand = z.string().transform((value, ctx) => {
  const found = Object.values(BRANDS).find((b) => b.slug === value.toLowerCase() || b.name.toLowerCase() === value.toLowerCase())
  if (!found) ctx.addIssue({ code: 'custom', message: `unknown brand ${value}` })
  return found ?? z.NEVER
})
// only http(s): an escaped javascript: URL is still a script when clicked
const link = z.url({ protocol: /^https?$/ })
const at = z.iso.datetime({ offset: true })
// workflows send '' for "none" (activity data is all strings)
const optionalText = z.string().trim().max(500).optional().transform((v) => v || undefined)
const person = z.object({ brand, name: z.string().trim().min(1).max(100) })

/** "2026-05-01 14:00 UTC": the same for every reader, whatever their time zone. */
const when = (iso: string) => `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`

type Rendered = { brand: Brand; content: MailContent }
const define = <S extends z.ZodType>(schema: S, say: (data: z.output<S>) => Rendered) =>
  ({ schema, render: (data: unknown): Rendered => say(schema.parse(data)) })
const hi = (d: { name: string }) => `Hi ${d.name},`

const PRIVACY_KINDS = { access: 'get a copy of your data', erasure: 'erase your account and data', rectification: 'correct your data' } as const

/** What the media pipeline tells the creator about their upload. */
export const MEDIA_NOTICES = ['mediaPublished', 'mediaRejected', 'mediaFailed', 'mediaAwaitingPerformers', 'mediaTakenDown', 'mediaReinstated',
  'mediaAppealDenied'] as const

function mediaNotice(d: { brand: Brand; name: string; link: string; title: string; notice: (typeof MEDIA_NOTICES)[number]; reason?: string }): MailContent {
  const open = { label: 'Open in my studio', url: d.link }
  const why = d.reason ? [`Reason: ${d.reason}`] : []
  const say = (subject: string, ...paragraphs: string[]): MailContent => ({ subject: `${d.brand.name}: ${subject}`, greeting: hi(d), paragraphs, action: open })
  switch (d.notice) {
    case 'mediaPublished': return say(`"${d.title}" is live`, `"${d.title}" passed review and is published. Your subscribers have been told.`)
    case 'mediaRejected': return say(`"${d.title}" was not approved`, `A moderator did not approve "${d.title}".`, ...why,
      'You can appeal from your studio while the appeal window is open; the upload is kept until then.')
    case 'mediaFailed': return say(`we could not process "${d.title}"`, `"${d.title}" could not be processed.`, ...why)
    case 'mediaAwaitingPerformers': return say(`"${d.title}" waits for a co-performer`,
      `"${d.title}" is approved. It will be published once every performer in it has completed verification.`)
    case 'mediaTakenDown': return say(`"${d.title}" was taken down`, `"${d.title}" is no longer available to fans.`, ...why)
    case 'mediaReinstated': return say(`"${d.title}" is back`, `"${d.title}" has been reinstated and fans can watch it again.`)
    case 'mediaAppealDenied': return say(`your appeal for "${d.title}" was denied`, `A second moderator reviewed your appeal for "${d.title}" and kept the decision.`, ...why)
  }
}

/** What a creator hears about a payout. */
export const PAYOUT_NOTICES = ['payoutPaid', 'payoutReturned', 'payoutFailed', 'payoutBlocked', 'payoutMethodVerified', 'payoutMethodFailed'] as const

function payoutNotice(d: { brand: Brand; name: string; link: string; notice: (typeof PAYOUT_NOTICES)[number]; amount: string; rail?: string; reason?: string }): MailContent {
  const say = (subject: string, ...paragraphs: string[]): MailContent =>
    ({ subject: `${d.brand.name}: ${subject}`, greeting: hi(d), paragraphs, action: { label: 'Open my earnings', url: d.link } })
  const why = d.reason ? [`Reason: ${d.reason}`] : []
  const via = d.rail ? ` by ${d.rail}` : ''
  switch (d.notice) {
    case 'payoutPaid': return say(`your payout of ${d.amount} has arrived`, `Your payout of ${d.amount}${via} is complete.`)
    case 'payoutReturned': return say(`your payout of ${d.amount} came back`, `Your payout of ${d.amount}${via} was returned to us and is back in your available balance.`,
      ...why, 'Please check your payout method; we will try again at the next payout run.')
    case 'payoutFailed': return say(`we could not send your payout of ${d.amount}`, `None of your payout methods accepted ${d.amount}; it stays in your available balance.`,
      ...why, 'Please check your payout methods in your studio.')
    case 'payoutBlocked': return say('your payout is on hold', `We could not include you in this payout run.`, ...why)
    case 'payoutMethodVerified': return say('your payout method was changed', `Payouts now go to ${d.rail ?? 'your new payout method'}.`,
      'If you did not make this change, sign in, change your password and contact us at once.')
    case 'payoutMethodFailed': return say('we could not verify your payout method', `${d.rail ?? 'The payout method'} could not be verified.`, ...why,
      'Your previous payout method, if any, stays in use.')
  }
}

/** What the subscription workflow tells a fan about. */
export const SUBSCRIPTION_NOTICES = ['subscriptionStarted', 'subscriptionPaymentFailed', 'subscriptionRetryFailed', 'subscriptionRenewalUnconfirmed',
  'subscriptionGraceStarted', 'subscriptionCancelledUnpaid', 'subscriptionCancelled', 'subscriptionEnded', 'subscriptionPriceChange',
  'subscriptionChargedBack'] as const

function subscriptionNotice(d: { brand: Brand; name: string; link: string; creator: string; notice: (typeof SUBSCRIPTION_NOTICES)[number]
  amount?: string; at?: string }): MailContent {
  const manage = { label: 'Manage my subscriptions', url: d.link }
  const on = d.at ? ` on ${when(d.at)}` : ''
  const say = (subject: string, ...paragraphs: string[]): MailContent =>
    ({ subject: `${d.brand.name}: ${subject}`, greeting: hi(d), paragraphs, action: manage })
  switch (d.notice) {
    case 'subscriptionStarted': return say(`you subscribed to ${d.creator}`, `Your subscription to ${d.creator} is active.`,
      ...(d.amount ? [`You paid ${d.amount}; it renews${on}.`] : []))
    case 'subscriptionPaymentFailed': return say(`your payment for ${d.creator} did not go through`,
      `We could not charge ${d.amount ?? 'your renewal'} for your subscription to ${d.creator}.`, `We will try again${on}; you keep access meanwhile.`)
    case 'subscriptionRetryFailed': return say(`we still could not renew ${d.creator}`,
      `Another attempt to charge ${d.amount ?? 'your renewal'} for ${d.creator} failed.`, `We will try again${on}. Updating your payment method helps.`)
    case 'subscriptionRenewalUnconfirmed': return say(`your renewal for ${d.creator} is not confirmed yet`,
      `Your payment processor has not confirmed the renewal of your subscription to ${d.creator}.`, 'Access to new posts is paused until it does.')
    case 'subscriptionGraceStarted': return say(`your subscription to ${d.creator} is at risk`,
      `Your renewal for ${d.creator} could not be charged. You can still see what you had; new posts wait until the payment goes through.`,
      `Without payment the subscription ends${on}.`)
    case 'subscriptionCancelledUnpaid': return say(`your subscription to ${d.creator} ended`, `We could not charge your renewal, so your subscription to ${d.creator} ended.`,
      'You can subscribe again at any time.')
    case 'subscriptionCancelled': return say(`you cancelled ${d.creator}`, `Your subscription to ${d.creator} is cancelled.`,
      d.at ? `You keep access until ${when(d.at)}.` : 'Your access has ended.', ...(d.amount ? [`We refund ${d.amount} to your payment method.`] : []))
    case 'subscriptionEnded': return say(`your subscription to ${d.creator} ended`, `Your subscription to ${d.creator} has ended.`)
    case 'subscriptionPriceChange': return say(`${d.creator} changes the subscription price`,
      `The price of your subscription to ${d.creator} becomes ${d.amount ?? 'a new amount'} from your renewal${on}.`,
      'Nothing changes before then, and you can cancel at any time.')
    case 'subscriptionChargedBack': return say(`your subscription to ${d.creator} ended`,
      `Your bank reversed a payment for your subscription to ${d.creator}, so it ended and access was removed.`)
  }
}

/** Every template: its input schema and a renderer that validates the data and says the words in the brand's name. */
export const TEMPLATES = {
  verifyEmail: define(person.extend({ link, expiresAt: at, code: z.string().regex(/^[A-Z0-9]{4,12}$/).optional() }), (d) => ({
    brand: d.brand,
    content: { subject: `${d.brand.name}: confirm your email address`, greeting: hi(d),
      paragraphs: [`Confirm this email address to finish signing up to ${d.brand.name}.`,
        d.code ? 'Open the link below, or enter this code where you signed up:' : 'Open the link below:'],
      code: d.code, action: { label: 'Confirm my email', url: d.link },
      note: `The link expires at ${when(d.expiresAt)}. If you did not sign up, ignore this email.` },
  })),
  passwordReset: define(person.extend({ link, expiresAt: at }), (d) => ({
    brand: d.brand,
    content: { subject: `${d.brand.name}: reset your password`, greeting: hi(d),
      paragraphs: [`Someone asked to reset the password of your ${d.brand.name} account. If it was you, choose a new one:`],
      action: { label: 'Choose a new password', url: d.link },
      note: `The link expires at ${when(d.expiresAt)}. If you did not ask, ignore this email: your password stays as it is.` },
  })),
  kycReminder: define(person.extend({ link, dueAt: at.optional() }), (d) => ({
    brand: d.brand,
    content: { subject: `${d.brand.name}: finish verifying your identity`, greeting: hi(d),
      paragraphs: [`Your ${d.brand.name} identity check is still open. We need it before your account can do everything it is meant to.`,
        ...(d.dueAt ? [`Please finish it by ${when(d.dueAt)}.`] : [])],
      action: { label: 'Verify my identity', url: d.link } },
  })),
  kycDecision: define(person.extend({ link, status: z.enum(['approved', 'declined', 'expired']), reason: optionalText }), (d) => ({
    brand: d.brand,
    content: d.status === 'approved'
      ? { subject: `${d.brand.name}: your identity is verified`, greeting: hi(d),
        paragraphs: ['Your identity check is approved. Everything it unlocks is ready for you.'], action: { label: `Open ${d.brand.name}`, url: d.link } }
      : { subject: `${d.brand.name}: we could not verify your identity`, greeting: hi(d),
        paragraphs: [d.status === 'expired' ? 'Your identity check expired before it was finished.' : 'We could not approve your identity check.',
          ...(d.reason ? [`Reason: ${d.reason}`] : []), 'You can start a new check at any time.'],
        action: { label: 'Start again', url: d.link } },
  })),
  signupActivated: define(person.extend({ link }), (d) => ({
    brand: d.brand,
    content: { subject: `${d.brand.name}: your account is ready`, greeting: `Welcome, ${d.name}!`,
      paragraphs: [`Your ${d.brand.name} account is active. Every creator you follow is one tap away.`],
      action: { label: `Open ${d.brand.name}`, url: d.link } },
  })),
  // internal: to the compliance team's inbox, from the portal brand
  kycEscalation: define(z.object({ caseId: z.string().trim().min(1).max(100), link }), (d) => ({
    brand: BRANDS.fanzlab,
    content: { subject: `Fanz compliance: KYC case ${d.caseId} is past its review SLA`, greeting: 'Hello compliance team,',
      paragraphs: [`KYC case ${d.caseId} has waited longer than the review SLA allows. Please review it.`],
      action: { label: 'Open the case', url: d.link } },
  })),
  // one template for every subscription notice; `notice` says which (domain/subscriptions/dunning.ts names the dunning ones)
  subscriptionNotice: define(person.extend({ link, creator: z.string().trim().min(1).max(100), notice: z.enum(SUBSCRIPTION_NOTICES),
    amount: optionalText, at: at.optional() }), (d) => ({ brand: d.brand, content: subscriptionNotice(d) })),
  mediaNotice: define(person.extend({ link, title: z.string().trim().min(1).max(200), notice: z.enum(MEDIA_NOTICES), reason: optionalText }),
    (d) => ({ brand: d.brand, content: mediaNotice(d) })),
  newContent: define(person.extend({ link, creator: z.string().trim().min(1).max(100), title: z.string().trim().min(1).max(200) }), (d) => ({
    brand: d.brand,
    content: { subject: `${d.brand.name}: new from ${d.creator}`, greeting: hi(d), paragraphs: [`${d.creator} just published "${d.title}".`],
      action: { label: 'Watch now', url: d.link } },
  })),
  coPerformerInvite: define(z.object({ brand, creator: z.string().trim().min(1).max(100), alias: z.string().trim().min(1).max(100), link }), (d) => ({
    brand: d.brand,
    content: { subject: `${d.brand.name}: ${d.creator} listed you as a performer`, greeting: `Hi ${d.alias},`,
      paragraphs: [`${d.creator} uploaded a video on ${d.brand.name} and named you as a performer in it.`,
        'US law (18 U.S.C. 2257) requires us to verify the age and identity of everyone depicted before it is published. It takes a few minutes.',
        'If you are not in this video, ignore this message: nothing is published without your verification.'],
      action: { label: 'Verify and accept', url: d.link } },
  })),
  // internal: to the compliance team's inbox, from the portal brand
  mediaEscalation: define(z.object({ mediaId: z.string().trim().min(1).max(100), reason: z.string().trim().min(1).max(200), link }), (d) => ({
    brand: BRANDS.fanzlab,
    content: { subject: `Fanz moderation: item ${d.mediaId} escalated`, greeting: 'Hello moderation leads,',
      paragraphs: [`Media item ${d.mediaId} needs a senior decision: ${d.reason}.`], action: { label: 'Open the item', url: d.link } },
  })),
  // one template for what a creator hears about a payout; `notice` says which
  payoutNotice: define(person.extend({ link, notice: z.enum(PAYOUT_NOTICES), amount: z.string().trim().max(40), rail: optionalText,
    reason: optionalText }), (d) => ({ brand: d.brand, content: payoutNotice(d) })),
  // internal: to the finance inbox, from the portal brand
  payoutApproval: define(z.object({ creator: z.string().trim().min(1).max(100), amount: z.string().trim().min(1).max(40),
    reason: z.string().trim().min(1).max(300), expiresAt: at, reminder: z.enum(['no', 'yes']), link }), (d) => ({
    brand: BRANDS.fanzlab,
    content: { subject: `Fanz finance: ${d.reminder === 'yes' ? 'reminder: ' : ''}payout of ${d.amount} to ${d.creator} waits for approval`,
      greeting: 'Hello finance team,', paragraphs: [`A payout of ${d.amount} to ${d.creator} needs a finance decision: ${d.reason}.`,
        `Without a decision by ${when(d.expiresAt)} it expires and the money stays in the creator's available balance.`],
      action: { label: 'Open the approvals queue', url: d.link } },
  })),
  // internal: to the finance inbox, from the portal brand
  payoutUnconfirmed: define(z.object({ creator: z.string().trim().min(1).max(100), amount: z.string().trim().min(1).max(40),
    reason: z.string().trim().min(1).max(500), link }), (d) => ({
    brand: BRANDS.fanzlab,
    content: { subject: `Fanz finance: payout of ${d.amount} to ${d.creator} is unconfirmed`, greeting: 'Hello finance team,',
      paragraphs: [`A payout of ${d.amount} to ${d.creator} is in transit and the rail has not confirmed it: ${d.reason}`,
        'Please check with the rail, then mark it paid or not paid in the back office. Until then the money stays in transit.'],
      action: { label: 'Open the payout', url: d.link } },
  })),
  // a data subject request: the code that proves the requester holds the account's mailbox
  privacyCode: define(z.object({ brand, kind: z.enum(['access', 'erasure', 'rectification']), code: z.string().regex(/^\d{6}$/), link, expiresAt: at }), (d) => ({
    brand: d.brand,
    content: { subject: `${d.brand.name}: confirm your privacy request`, greeting: 'Hello,',
      paragraphs: [`We received a request to ${PRIVACY_KINDS[d.kind]} for your ${d.brand.name} account. Enter this code in the privacy center to confirm it was you:`],
      code: d.code, action: { label: 'Open the privacy center', url: d.link },
      note: `The code expires at ${when(d.expiresAt)}. If you did not ask, ignore this email: nothing happens without the code.` },
  })),
  // what the requester hears: received, completed (with the signed receipt's digest), rejected
  privacyNotice: define(z.object({ brand, kind: z.enum(['access', 'erasure', 'rectification']), notice: z.enum(['received', 'completed', 'rejected']),
    link, dueAt: at.optional(), reason: optionalText, receiptDigest: optionalText, downloadUntil: at.optional() }), (d) => ({
    brand: d.brand,
    content: d.notice === 'received'
      ? { subject: `${d.brand.name}: we received your privacy request`, greeting: 'Hello,',
        paragraphs: [`We received your request to ${PRIVACY_KINDS[d.kind]}.`, ...(d.dueAt ? [`We will answer by ${when(d.dueAt)}.`] : [])],
        action: { label: 'Follow it in the privacy center', url: d.link } }
      : d.notice === 'rejected'
        ? { subject: `${d.brand.name}: we could not carry out your privacy request`, greeting: 'Hello,',
          paragraphs: [`We could not carry out your request to ${PRIVACY_KINDS[d.kind]}.`, ...(d.reason ? [`Reason: ${d.reason}`] : []),
            'You may complain to your data protection authority.'], action: { label: 'Open the privacy center', url: d.link } }
        : { subject: `${d.brand.name}: your privacy request is done`, greeting: 'Hello,',
          paragraphs: [`Your request to ${PRIVACY_KINDS[d.kind]} is complete.`,
            ...(d.downloadUntil ? [`Your archive can be downloaded from the privacy center until ${when(d.downloadUntil)}.`] : []),
            ...(d.receiptDigest ? [`The signed receipt lists what each of our systems did and what a legal hold kept, and why. Its SHA-256 is ${d.receiptDigest}.`] : [])],
          action: { label: 'Open the receipt', url: d.link } },
  })),
  // internal: to the compliance team's inbox, from the portal brand
  privacyDeadline: define(z.object({ requestId: z.uuid(), kind: z.enum(['access', 'erasure', 'rectification']), jurisdiction: z.enum(['GDPR', 'CCPA']),
    milestone: z.enum(['reminder', 'escalation', 'overdue']), dueAt: at, link }), (d) => ({
    brand: BRANDS.fanzlab,
    content: { subject: `Fanz privacy: ${d.milestone === 'reminder' ? 'reminder' : d.milestone === 'escalation' ? 'ESCALATION' : 'OVERDUE'}: ${d.jurisdiction} ${d.kind} request due ${when(d.dueAt)}`,
      greeting: 'Hello compliance team,',
      paragraphs: [d.milestone === 'overdue' ? `The ${d.jurisdiction} ${d.kind} request ${d.requestId} is past its statutory deadline.`
        : `The ${d.jurisdiction} ${d.kind} request ${d.requestId} is due ${when(d.dueAt)} and is not complete.`,
        'Finish it, or extend the deadline with a reason if the law allows.'],
      action: { label: 'Open the request', url: d.link } },
  })),
} satisfies Record<MailTemplate, { schema: z.ZodType; render: (data: unknown) => Rendered }>

/** The input each template takes (all strings: it arrives as activity data). */
export type MailData = { [K in MailTemplate]: z.input<(typeof TEMPLATES)[K]['schema']> }
