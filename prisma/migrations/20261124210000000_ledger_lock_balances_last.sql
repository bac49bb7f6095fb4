-- Up Migration
-- ledger_post_entries takes its account locks last, just before the balances change: the entries and postings are
-- written first, with no lock held on any account, so concurrent writers queue on a hot account only for the balance
-- update and the commit instead of the whole call. Account locks are still taken in id order (no deadlocks on them;
-- two calls inserting the same keys in opposite orders can still deadlock, and one is retried), and the overdraft
-- check still runs on the locked rows.
CREATE OR REPLACE FUNCTION "ledger_post_entries"(p_entries jsonb) RETURNS TABLE (idempotency_key text, entry_id bigint, created boolean)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE new_ids bigint[]; new_keys text[]; acct bigint[]; delta bigint[];
BEGIN
  WITH src AS MATERIALIZED (
    SELECT DISTINCT ON (e->>'key') e->>'key' AS key, e, n FROM jsonb_array_elements(p_entries) WITH ORDINALITY AS x(e, n) ORDER BY e->>'key', n
  ), ins AS (
    INSERT INTO "journal_entries" ("idempotency_key", "kind", "memo", "brand", "workflow_id", "run_id", "activity_type",
      "reverses_id", "transfer_id", "fx", "metadata")
    SELECT key, e->>'kind', e->>'memo', e->>'brand', e->>'workflowId', e->>'runId', e->>'activityType',
      (e->>'reversesId')::bigint, (e->>'transferId')::bigint, e->'fx', e->'metadata'
    FROM src ORDER BY n
    ON CONFLICT ("idempotency_key") DO NOTHING
    RETURNING "id", "idempotency_key"
  ), legs AS MATERIALIZED (
    SELECT ins."id" AS entry_id, (p->>'accountId')::bigint AS account_id, (p->>'amount')::bigint AS amount, p->>'currency' AS currency
    FROM ins JOIN src ON src.key = ins."idempotency_key", jsonb_array_elements(src.e->'postings') p
  ), posted AS (
    INSERT INTO "postings" ("entry_id", "account_id", "amount", "currency") SELECT entry_id, account_id, amount, currency FROM legs
  ), moves AS (
    SELECT account_id, sum(amount)::bigint AS delta FROM legs GROUP BY account_id
  )
  SELECT (SELECT array_agg(ins."id") FROM ins), (SELECT array_agg(ins."idempotency_key") FROM ins),
    (SELECT array_agg(account_id ORDER BY account_id) FROM moves), (SELECT array_agg(delta ORDER BY account_id) FROM moves)
  INTO new_ids, new_keys, acct, delta;
  IF acct IS NOT NULL THEN
    -- the accounts, locked in id order, only now; balances by primary key (a join would let the planner scan every
    -- account once the batch looks big)
    PERFORM 1 FROM "ledger_accounts" WHERE "id" = ANY(acct) ORDER BY "id" FOR NO KEY UPDATE;
    UPDATE "ledger_accounts" la SET "balance" = la."balance" + d.delta, "updated_at" = now()
    FROM unnest(acct, delta) AS d(id, delta) WHERE la."id" = d.id;
  END IF;
  RETURN QUERY SELECT je."idempotency_key", je."id", je."id" = ANY(coalesce(new_ids, '{}'))
    FROM jsonb_array_elements(p_entries) WITH ORDINALITY AS x(e, n)
    JOIN "journal_entries" je ON je."idempotency_key" = e->>'key' ORDER BY n;
END $$;

-- Down Migration
CREATE OR REPLACE FUNCTION "ledger_post_entries"(p_entries jsonb) RETURNS TABLE (idempotency_key text, entry_id bigint, created boolean)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE new_ids bigint[]; new_keys text[]; acct bigint[]; delta bigint[];
BEGIN
  PERFORM 1 FROM "ledger_accounts" WHERE "id" IN (
    SELECT (p->>'accountId')::bigint FROM jsonb_array_elements(p_entries) x, jsonb_array_elements(x->'postings') p
  ) ORDER BY "id" FOR NO KEY UPDATE;
  WITH src AS MATERIALIZED (
    SELECT DISTINCT ON (e->>'key') e->>'key' AS key, e, n FROM jsonb_array_elements(p_entries) WITH ORDINALITY AS x(e, n) ORDER BY e->>'key', n
  ), ins AS (
    INSERT INTO "journal_entries" ("idempotency_key", "kind", "memo", "brand", "workflow_id", "run_id", "activity_type",
      "reverses_id", "transfer_id", "fx", "metadata")
    SELECT key, e->>'kind', e->>'memo', e->>'brand', e->>'workflowId', e->>'runId', e->>'activityType',
      (e->>'reversesId')::bigint, (e->>'transferId')::bigint, e->'fx', e->'metadata'
    FROM src ORDER BY n
    ON CONFLICT ("idempotency_key") DO NOTHING
    RETURNING "id", "idempotency_key"
  ), legs AS MATERIALIZED (
    SELECT ins."id" AS entry_id, (p->>'accountId')::bigint AS account_id, (p->>'amount')::bigint AS amount, p->>'currency' AS currency
    FROM ins JOIN src ON src.key = ins."idempotency_key", jsonb_array_elements(src.e->'postings') p
  ), posted AS (
    INSERT INTO "postings" ("entry_id", "account_id", "amount", "currency") SELECT entry_id, account_id, amount, currency FROM legs
  ), moves AS (
    SELECT account_id, sum(amount)::bigint AS delta FROM legs GROUP BY account_id
  )
  SELECT (SELECT array_agg(ins."id") FROM ins), (SELECT array_agg(ins."idempotency_key") FROM ins),
    (SELECT array_agg(account_id ORDER BY account_id) FROM moves), (SELECT array_agg(delta ORDER BY account_id) FROM moves)
  INTO new_ids, new_keys, acct, delta;
  -- balances by primary key (a join would let the planner scan every account once the batch looks big)
  IF acct IS NOT NULL THEN
    UPDATE "ledger_accounts" la SET "balance" = la."balance" + d.delta, "updated_at" = now()
    FROM unnest(acct, delta) AS d(id, delta) WHERE la."id" = d.id;
  END IF;
  -- a new statement, so entries a concurrent writer committed under the same key are seen too
  RETURN QUERY SELECT je."idempotency_key", je."id", je."id" = ANY(coalesce(new_ids, '{}'))
    FROM jsonb_array_elements(p_entries) WITH ORDINALITY AS x(e, n)
    JOIN "journal_entries" je ON je."idempotency_key" = e->>'key' ORDER BY n;
END $$;
