/**
 * Where a person's data lives in PostgreSQL, and what erasure does to each place. Every table that names a person
 * is listed here (test/privacy.test.ts scans the database for anything the catalog misses). `where` selects the
 * person's rows with $1 = the person id; `set` is the pseudonymizing update; `keep` rows hold no personal data but
 * the person id, which after erasure points to a tombstone: the pseudonym of the books and of held records.
 */
import type { DataCategory } from '../../domain/privacy/holds.ts'

export type TableRule = {
  /** a name for the export and the receipt: the table, or table:aspect when one table has several rules */
  name: string
  table: string
  where: string
  category: DataCategory
  erase: { kind: 'delete' } | { kind: 'pseudonymize'; set: string } | { kind: 'keep'; why: string }
}

const person = (column: string) => `"${column}" = $1::uuid`
const pseudonymousIds = 'kept: only the pseudonymous person id (no name, contact or content)'

/** In erasure order: children before parents, the person row last. */
export const PERSON_TABLES: readonly TableRule[] = [
  { name: 'sessions', table: 'sessions', where: person('person_id'), category: 'sessions', erase: { kind: 'delete' } },
  { name: 'email_tokens', table: 'email_tokens', where: person('person_id'), category: 'sessions', erase: { kind: 'delete' } },
  { name: 'consents', table: 'consents', where: person('person_id'), category: 'consents', erase: { kind: 'delete' } },
  { name: 'role_grants', table: 'role_grants', where: person('person_id'), category: 'account', erase: { kind: 'delete' } },
  { name: 'payment_methods', table: 'payment_methods', where: person('person_id'), category: 'payment_methods', erase: { kind: 'delete' } },
  { name: 'entitlements', table: 'entitlements', where: person('fan_id'), category: 'purchases', erase: { kind: 'delete' } },
  { name: 'subscription_entitlements', table: 'subscription_entitlements', where: person('fan_id'), category: 'subscriptions', erase: { kind: 'delete' } },
  { name: 'promo_redemptions', table: 'promo_redemptions', where: person('fan_id'), category: 'subscriptions', erase: { kind: 'keep', why: pseudonymousIds } },
  { name: 'purchases', table: 'purchases', where: `"fan_id" = $1::uuid OR "creator_id" = $1::uuid`, category: 'purchases',
    erase: { kind: 'keep', why: 'kept: financial records of the business, with pseudonymous party ids' } },
  // processors post the buyer's name, email and address: the raw events of the person's purchases are blanked
  { name: 'processor_events', table: 'processor_events',
    where: `"transaction_id" IN (SELECT "transaction_id" FROM "purchases" WHERE "fan_id" = $1::uuid AND "transaction_id" IS NOT NULL)
      OR "workflow_id" IN (SELECT "workflow_id" FROM "subscriptions" WHERE "fan_id" = $1::uuid)`,
    category: 'purchases', erase: { kind: 'pseudonymize', set: `"payload" = '{"erased":"personal data removed on request"}'::jsonb` } },
  { name: 'subscriptions', table: 'subscriptions', where: `"fan_id" = $1::uuid OR "creator_id" = $1::uuid`, category: 'subscriptions',
    erase: { kind: 'keep', why: 'kept: billing records, with pseudonymous party ids' } },
  { name: 'subscription_plans', table: 'subscription_plans', where: person('creator_id'), category: 'subscriptions', erase: { kind: 'keep', why: pseudonymousIds } },
  { name: 'chargeback_cases', table: 'chargeback_cases', where: `"fan_id" = $1::uuid OR "creator_id" = $1::uuid`, category: 'purchases',
    erase: { kind: 'keep', why: 'kept: dispute records, with pseudonymous party ids' } },
  { name: 'kyc_events', table: 'kyc_events', where: `"case_id" IN (SELECT "id" FROM "kyc_cases" WHERE "person_id" = $1::uuid)`, category: 'kyc', erase: { kind: 'delete' } },
  { name: 'kyc_cases', table: 'kyc_cases', where: person('person_id'), category: 'kyc',
    erase: { kind: 'pseudonymize', set: `"evidence" = NULL, "release_signature" = NULL, "aliases" = NULL, "hosted_url" = NULL, "provider_session_id" = NULL, "reason" = NULL` } },
  { name: 'performer_aliases', table: 'performer_aliases', where: `"record_id" IN (SELECT "id" FROM "performer_records" WHERE "person_id" = $1::uuid)`,
    category: 'performer_records', erase: { kind: 'delete' } },
  { name: 'depiction_index', table: 'depiction_index', where: person('person_id'), category: 'performer_records', erase: { kind: 'delete' } },
  { name: 'media_performers', table: 'media_performers', where: person('person_id'), category: 'performer_records', erase: { kind: 'delete' } },
  { name: 'performer_records', table: 'performer_records', where: person('person_id'), category: 'performer_records', erase: { kind: 'delete' } },
  { name: 'media_items', table: 'media_items', where: person('creator_id'), category: 'media',
    erase: { kind: 'pseudonymize', set: `"title" = 'Removed', "caption" = '', "tags" = '{}', "file_name" = 'removed', "probe" = NULL, "findings" = NULL, "status" = 'DELETED', "decision_reason" = NULL` } },
  { name: 'posts', table: 'posts', where: person('creator_id'), category: 'media', erase: { kind: 'pseudonymize', set: `"title" = 'Removed', "status" = 'REMOVED'` } },
  { name: 'payout_preferences', table: 'payout_preferences', where: person('person_id'), category: 'payouts', erase: { kind: 'delete' } },
  { name: 'payout_methods', table: 'payout_methods', where: person('person_id'), category: 'payouts', erase: { kind: 'delete' } },
  { name: 'tax_forms', table: 'tax_forms', where: person('person_id'), category: 'tax_forms', erase: { kind: 'delete' } },
  // rails report the payee's name and account in their events
  { name: 'payout_rail_events', table: 'payout_rail_events', where: `"workflow_id" IN (SELECT "workflow_id" FROM "payout_items" WHERE "creator_id" = $1::uuid)`,
    category: 'payouts', erase: { kind: 'pseudonymize', set: `"payload" = '{"erased":"personal data removed on request"}'::jsonb` } },
  { name: 'payout_holds', table: 'payout_holds', where: person('person_id'), category: 'payouts', erase: { kind: 'keep', why: pseudonymousIds } },
  { name: 'payout_items', table: 'payout_items', where: person('creator_id'), category: 'payouts', erase: { kind: 'keep', why: 'kept: payment records, with pseudonymous party ids' } },
  { name: 'payout_reserves', table: 'payout_reserves', where: person('creator_id'), category: 'payouts', erase: { kind: 'keep', why: pseudonymousIds } },
  { name: 'referrals', table: 'referrals', where: `"creator_id" = $1::uuid OR "referrer_id" = $1::uuid`, category: 'ledger', erase: { kind: 'keep', why: pseudonymousIds } },
  { name: 'revenue_share_rules', table: 'revenue_share_rules', where: person('creator_id'), category: 'ledger', erase: { kind: 'keep', why: pseudonymousIds } },
  // the wallet's private key is sealed with the person's key: shredded with it
  { name: 'custodial_wallets', table: 'custodial_wallets', where: person('person_id'), category: 'collectibles',
    erase: { kind: 'keep', why: 'kept: the public address; the private key is sealed with the person key and shredded with it' } },
  { name: 'collectible_editions', table: 'collectible_editions', where: person('creator_id'), category: 'collectibles', erase: { kind: 'keep', why: pseudonymousIds } },
  // the address a token was withdrawn to is the fan's own wallet: on chain for good, but no longer linked here
  { name: 'collectible_tokens', table: 'collectible_tokens', where: person('buyer_id'), category: 'collectibles',
    erase: { kind: 'pseudonymize', set: `"withdrawn_to" = NULL` } },
  { name: 'audit_logs:actor', table: 'audit_logs', where: person('actor_id'), category: 'audit', erase: { kind: 'pseudonymize', set: `"actor_email" = NULL` } },
  { name: 'audit_logs:subject', table: 'audit_logs', where: `"resource_type" = 'person' AND "resource_id" = $1::text`, category: 'audit',
    erase: { kind: 'pseudonymize', set: `"details" = NULL` } },
  { name: 'personas', table: 'personas', where: person('person_id'), category: 'profile',
    erase: { kind: 'pseudonymize', set: `"handle" = 'erased-' || substr(md5("id"::text), 1, 12)` } },
  { name: 'people', table: 'people', where: `"id" = $1::uuid`, category: 'account',
    erase: { kind: 'pseudonymize', set: `"email" = 'erased+' || "id" || '@erased.invalid', "display_name" = 'Erased user', "password_hash" = NULL,
      "totp_secret" = NULL, "totp_enabled_at" = NULL, "country" = NULL, "region" = NULL, "age_assurance" = NULL, "email_verified_at" = NULL,
      "age_verified_at" = NULL, "failed_logins" = 0, "locked_until" = NULL, "status" = 'erased'` } },
]

/** Columns that name a person, in tables the catalog deliberately leaves alone (staff actions, the request itself). */
export const NOT_PERSONAL: Readonly<Record<string, string>> = {
  'dsr_requests.person_id': 'the request itself: kept as the record of what was asked and done',
  'dsr_requests.requested_by': 'the staff member or requester who opened the request',
  'legal_holds.person_id': 'the hold itself',
  'legal_holds.set_by': 'staff', 'legal_holds.released_by': 'staff',
  'person_keys.person_id': 'the key tombstone: proof of crypto-shredding',
  'kyc_cases.decided_by': 'staff', 'media_items.decided_by': 'staff', 'media_items.assignee_id': 'staff',
  'media_review_events.actor_id': 'staff (moderators)', 'moderation_block_hashes.added_by': 'staff', 'moderation_policies.updated_by': 'staff',
  'payout_holds.created_by': 'staff', 'payout_holds.released_by': 'staff', 'payout_items.decided_by': 'staff',
  'reconciliation_cases.resolved_by': 'staff', 'price_changes.created_by': 'the creator (pseudonymous id)',
  'referrals.created_by': 'staff', 'revenue_share_rules.created_by': 'staff',
}

/** Credentials are never exported, not even to their owner: a leaked archive must not sign anyone in or charge a card. */
export const NEVER_EXPORTED: Readonly<Record<string, readonly string[]>> = {
  people: ['password_hash', 'totp_secret'],
  sessions: ['token_hash', 'refresh_hash'],
  email_tokens: ['token_hash'],
  payment_methods: ['token_ciphertext'],
  custodial_wallets: ['sealed_key'],
}
