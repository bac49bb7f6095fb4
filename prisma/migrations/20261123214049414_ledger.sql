-- Up Migration
-- CreateEnum
CREATE TYPE "transfer_status" AS ENUM ('PENDING', 'POSTED', 'VOIDED', 'EXPIRED');

-- CreateTable
CREATE TABLE "ledger_accounts" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "brand" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "owner" TEXT,
    "normal_sign" SMALLINT NOT NULL,
    "allow_overdraft" BOOLEAN NOT NULL,
    "balance" BIGINT NOT NULL DEFAULT 0,
    "pending_debits" BIGINT NOT NULL DEFAULT 0,
    "pending_credits" BIGINT NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "journal_entries" (
    "id" BIGSERIAL NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "memo" TEXT NOT NULL,
    "brand" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "workflow_id" TEXT,
    "run_id" TEXT,
    "activity_type" TEXT,
    "reverses_id" BIGINT,
    "transfer_id" BIGINT,
    "fx" JSONB,
    "metadata" JSONB,

    CONSTRAINT "journal_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "postings" (
    "id" BIGSERIAL NOT NULL,
    "entry_id" BIGINT NOT NULL,
    "account_id" BIGINT NOT NULL,
    "amount" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "postings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pending_transfers" (
    "id" BIGSERIAL NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "status" "transfer_status" NOT NULL DEFAULT 'PENDING',
    "kind" TEXT NOT NULL,
    "memo" TEXT NOT NULL,
    "brand" TEXT NOT NULL,
    "postings" JSONB NOT NULL,
    "expires_at" TIMESTAMPTZ(6) NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(6),
    "resolved_entry_id" BIGINT,
    "workflow_id" TEXT,
    "run_id" TEXT,

    CONSTRAINT "pending_transfers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fx_rates" (
    "base" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "as_of" DATE NOT NULL,
    "rate" DECIMAL(20,10) NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "fx_rates_pkey" PRIMARY KEY ("base","quote","as_of")
);

-- CreateIndex
CREATE UNIQUE INDEX "ledger_accounts_key_key" ON "ledger_accounts"("key");

-- CreateIndex
CREATE INDEX "ledger_accounts_brand_kind_owner_idx" ON "ledger_accounts"("brand", "kind", "owner");

-- CreateIndex
CREATE UNIQUE INDEX "journal_entries_idempotency_key_key" ON "journal_entries"("idempotency_key");

-- CreateIndex
CREATE INDEX "journal_entries_created_at_idx" ON "journal_entries"("created_at");

-- CreateIndex
CREATE INDEX "journal_entries_workflow_id_idx" ON "journal_entries"("workflow_id");

-- CreateIndex
CREATE INDEX "postings_entry_id_idx" ON "postings"("entry_id");

-- CreateIndex
CREATE INDEX "postings_account_id_created_at_idx" ON "postings"("account_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "pending_transfers_idempotency_key_key" ON "pending_transfers"("idempotency_key");

-- CreateIndex
CREATE INDEX "pending_transfers_status_expires_at_idx" ON "pending_transfers"("status", "expires_at");

-- AddForeignKey
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_reverses_id_fkey" FOREIGN KEY ("reverses_id") REFERENCES "journal_entries"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "postings" ADD CONSTRAINT "postings_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "journal_entries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "postings" ADD CONSTRAINT "postings_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "ledger_accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Ledger rules the database enforces itself, whatever code writes to it.

-- No overdraft where the account forbids it: what is posted plus what pending transfers reserve against it.
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_no_overdraft" CHECK (
  "allow_overdraft"
  OR ("normal_sign" = -1 AND -"balance" - "pending_debits" >= 0)
  OR ("normal_sign" = 1 AND "balance" - "pending_credits" >= 0)
);
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_normal_sign" CHECK ("normal_sign" IN (1, -1));
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_pending_nonnegative" CHECK ("pending_debits" >= 0 AND "pending_credits" >= 0);
ALTER TABLE "postings" ADD CONSTRAINT "postings_amount_nonzero" CHECK ("amount" <> 0);

-- Journal entries and postings are immutable: corrections are new entries (reversals).
CREATE FUNCTION "ledger_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is immutable (% refused); post a reversal instead', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER "journal_entries_immutable" BEFORE UPDATE OR DELETE OR TRUNCATE ON "journal_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_refuse_change"();
CREATE TRIGGER "postings_immutable" BEFORE UPDATE OR DELETE OR TRUNCATE ON "postings"
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_refuse_change"();

-- Each statement that adds postings must add them to entries created in the same transaction, and leave every
-- entry it touches balanced per currency (checked set-based, once per statement).
CREATE FUNCTION "ledger_check_postings"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE bad record;
BEGIN
  IF EXISTS (SELECT 1 FROM new_postings n JOIN "journal_entries" e ON e."id" = n."entry_id" WHERE e."xmin" <> pg_current_xact_id()::xid) THEN
    RAISE EXCEPTION 'postings can only be added with their entry' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT "entry_id", "currency", sum("amount") AS total INTO bad FROM new_postings
    GROUP BY "entry_id", "currency" HAVING sum("amount") <> 0 LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'journal entry % is unbalanced in %: postings sum to %', bad."entry_id", bad."currency", bad.total
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "postings_checked" AFTER INSERT ON "postings" REFERENCING NEW TABLE AS new_postings
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_check_postings"();

-- At commit, every entry must have postings (an entry with none would be an empty, meaningless record).
CREATE FUNCTION "ledger_check_has_postings"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "postings" WHERE "entry_id" = NEW."id") THEN
    RAISE EXCEPTION 'journal entry % has no postings', NEW."id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "journal_entries_have_postings" AFTER INSERT ON "journal_entries"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "ledger_check_has_postings"();

-- Creates the accounts named in p_accounts when missing; returns key -> id.
-- p_accounts: [{ key, brand, currency, kind, owner, normalSign, allowOverdraft }]
CREATE FUNCTION "ledger_ensure_accounts"(p_accounts jsonb) RETURNS TABLE (key text, id bigint) LANGUAGE sql AS $$
  INSERT INTO "ledger_accounts" ("key", "brand", "currency", "kind", "owner", "normal_sign", "allow_overdraft")
  SELECT a->>'key', a->>'brand', a->>'currency', a->>'kind', a->>'owner', (a->>'normalSign')::smallint, (a->>'allowOverdraft')::boolean
  FROM jsonb_array_elements(p_accounts) a
  ORDER BY a->>'key'
  ON CONFLICT ("key") DO NOTHING;
  SELECT la."key", la."id" FROM "ledger_accounts" la WHERE la."key" IN (SELECT a->>'key' FROM jsonb_array_elements(p_accounts) a);
$$;

-- Posts a batch of entries in one transaction, set-based, locking every touched account first in id order (no
-- deadlocks). An entry whose idempotency key exists already posts nothing and returns the first entry's id.
-- p_entries: [{ key, kind, memo, brand, workflowId, runId, activityType, reversesId, transferId, fx, metadata,
--               postings: [{ accountId, amount, currency }] }]
CREATE FUNCTION "ledger_post_entries"(p_entries jsonb) RETURNS TABLE (idempotency_key text, entry_id bigint, created boolean)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE new_ids bigint[]; new_keys text[];
BEGIN
  PERFORM 1 FROM "ledger_accounts" WHERE "id" IN (
    SELECT (p->>'accountId')::bigint FROM jsonb_array_elements(p_entries) x, jsonb_array_elements(x->'postings') p
  ) ORDER BY "id" FOR NO KEY UPDATE;
  WITH ins AS (
    INSERT INTO "journal_entries" ("idempotency_key", "kind", "memo", "brand", "workflow_id", "run_id", "activity_type",
      "reverses_id", "transfer_id", "fx", "metadata")
    SELECT e->>'key', e->>'kind', e->>'memo', e->>'brand', e->>'workflowId', e->>'runId', e->>'activityType',
      (e->>'reversesId')::bigint, (e->>'transferId')::bigint, e->'fx', e->'metadata'
    FROM jsonb_array_elements(p_entries) WITH ORDINALITY AS x(e, n) ORDER BY n
    ON CONFLICT ("idempotency_key") DO NOTHING
    RETURNING "id", "idempotency_key"
  ) SELECT array_agg(ins."id"), array_agg(ins."idempotency_key") INTO new_ids, new_keys FROM ins;
  IF new_ids IS NOT NULL THEN
    INSERT INTO "postings" ("entry_id", "account_id", "amount", "currency")
    SELECT k.id, (p->>'accountId')::bigint, (p->>'amount')::bigint, p->>'currency'
    FROM unnest(new_ids, new_keys) AS k(id, key)
    JOIN jsonb_array_elements(p_entries) e ON e->>'key' = k.key, jsonb_array_elements(e->'postings') p;
    UPDATE "ledger_accounts" la SET "balance" = la."balance" + d.delta, "updated_at" = now()
    FROM (SELECT (p->>'accountId')::bigint AS account_id, sum((p->>'amount')::bigint) AS delta
          FROM jsonb_array_elements(p_entries) e, jsonb_array_elements(e->'postings') p
          WHERE e->>'key' = ANY(new_keys) GROUP BY 1) d
    WHERE la."id" = d.account_id;
  END IF;
  RETURN QUERY SELECT je."idempotency_key", je."id", je."id" = ANY(coalesce(new_ids, '{}'))
    FROM jsonb_array_elements(p_entries) WITH ORDINALITY AS x(e, n)
    JOIN "journal_entries" je ON je."idempotency_key" = e->>'key' ORDER BY n;
END $$;

-- Reserves (or releases, with p_sign = -1) the amounts of pending postings on their accounts, in id order.
CREATE FUNCTION "ledger_reserve"(p_postings jsonb, p_sign integer) RETURNS void LANGUAGE sql AS $$
  SELECT 1 FROM "ledger_accounts" WHERE "id" IN (SELECT (p->>'accountId')::bigint FROM jsonb_array_elements(p_postings) p)
    ORDER BY "id" FOR NO KEY UPDATE;
  UPDATE "ledger_accounts" la SET
    "pending_debits" = la."pending_debits" + p_sign * d.debits,
    "pending_credits" = la."pending_credits" + p_sign * d.credits, "updated_at" = now()
  FROM (SELECT (p->>'accountId')::bigint AS account_id,
          sum(greatest((p->>'amount')::bigint, 0)) AS debits, sum(greatest(-(p->>'amount')::bigint, 0)) AS credits
        FROM jsonb_array_elements(p_postings) p GROUP BY 1) d
  WHERE la."id" = d.account_id;
$$;

-- Phase one: reserves a balanced set of postings until it is posted, voided or expires.
-- p: { key, kind, memo, brand, expiresAt, workflowId, runId, postings: [{ accountId, amount, currency }] }
CREATE FUNCTION "ledger_create_pending"(p jsonb) RETURNS TABLE (transfer_id bigint, created boolean) LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE new_id bigint;
BEGIN
  IF EXISTS (SELECT 1 FROM jsonb_array_elements(p->'postings') x GROUP BY x->>'currency' HAVING sum((x->>'amount')::bigint) <> 0)
     OR jsonb_array_length(p->'postings') < 2 THEN
    RAISE EXCEPTION 'pending transfer % is unbalanced', p->>'key' USING ERRCODE = 'check_violation';
  END IF;
  INSERT INTO "pending_transfers" ("idempotency_key", "kind", "memo", "brand", "postings", "expires_at", "workflow_id", "run_id")
  VALUES (p->>'key', p->>'kind', p->>'memo', p->>'brand', p->'postings', (p->>'expiresAt')::timestamptz, p->>'workflowId', p->>'runId')
  ON CONFLICT ("idempotency_key") DO NOTHING RETURNING "id" INTO new_id;
  IF new_id IS NULL THEN
    RETURN QUERY SELECT pt."id", false FROM "pending_transfers" pt WHERE pt."idempotency_key" = p->>'key';
    RETURN;
  END IF;
  PERFORM "ledger_reserve"(p->'postings', 1);
  RETURN QUERY SELECT new_id, true;
END $$;

-- Phase two: 'post' turns the reservation into a journal entry, 'void' releases it; an expired transfer cannot be
-- posted (it becomes EXPIRED and is released). Repeating the same resolution returns the first outcome.
-- p_entry (for post): { key, workflowId, runId, activityType }
CREATE FUNCTION "ledger_resolve_pending"(p_key text, p_action text, p_entry jsonb)
RETURNS TABLE (status "transfer_status", entry_id bigint) LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE t "pending_transfers"; posted bigint;
BEGIN
  SELECT * INTO t FROM "pending_transfers" WHERE "idempotency_key" = p_key FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no pending transfer %', p_key USING ERRCODE = 'no_data_found';
  END IF;
  IF t."status" <> 'PENDING' THEN
    RETURN QUERY SELECT t."status", t."resolved_entry_id";
    RETURN;
  END IF;
  PERFORM "ledger_reserve"(t."postings", -1);
  IF p_action = 'void' THEN
    UPDATE "pending_transfers" SET "status" = 'VOIDED', "resolved_at" = now() WHERE "id" = t."id";
    RETURN QUERY SELECT 'VOIDED'::"transfer_status", NULL::bigint;
  ELSIF t."expires_at" <= now() THEN
    UPDATE "pending_transfers" SET "status" = 'EXPIRED', "resolved_at" = now() WHERE "id" = t."id";
    RETURN QUERY SELECT 'EXPIRED'::"transfer_status", NULL::bigint;
  ELSE
    SELECT r.entry_id INTO posted FROM "ledger_post_entries"(jsonb_build_array(jsonb_build_object(
      'key', p_entry->>'key', 'kind', t."kind", 'memo', t."memo", 'brand', t."brand", 'workflowId', p_entry->>'workflowId',
      'runId', p_entry->>'runId', 'activityType', p_entry->>'activityType', 'transferId', t."id", 'postings', t."postings"))) r;
    UPDATE "pending_transfers" SET "status" = 'POSTED', "resolved_at" = now(), "resolved_entry_id" = posted WHERE "id" = t."id";
    RETURN QUERY SELECT 'POSTED'::"transfer_status", posted;
  END IF;
END $$;

-- Down Migration
DROP FUNCTION "ledger_resolve_pending"(text, text, jsonb);
DROP FUNCTION "ledger_create_pending"(jsonb);
DROP FUNCTION "ledger_reserve"(jsonb, integer);
DROP FUNCTION "ledger_post_entries"(jsonb);
DROP FUNCTION "ledger_ensure_accounts"(jsonb);
DROP TRIGGER "journal_entries_have_postings" ON "journal_entries";
DROP FUNCTION "ledger_check_has_postings"();
DROP TRIGGER "postings_checked" ON "postings";
DROP FUNCTION "ledger_check_postings"();
DROP TRIGGER "postings_immutable" ON "postings";
DROP TRIGGER "journal_entries_immutable" ON "journal_entries";
DROP FUNCTION "ledger_refuse_change"();

-- DropForeignKey
ALTER TABLE "journal_entries" DROP CONSTRAINT "journal_entries_reverses_id_fkey";

-- DropForeignKey
ALTER TABLE "postings" DROP CONSTRAINT "postings_entry_id_fkey";

-- DropForeignKey
ALTER TABLE "postings" DROP CONSTRAINT "postings_account_id_fkey";

-- DropTable
DROP TABLE "ledger_accounts";

-- DropTable
DROP TABLE "journal_entries";

-- DropTable
DROP TABLE "postings";

-- DropTable
DROP TABLE "pending_transfers";

-- DropTable
DROP TABLE "fx_rates";

-- DropEnum
DROP TYPE "transfer_status";
