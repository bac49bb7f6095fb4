-- Up Migration
-- CreateTable
CREATE TABLE "payout_settings" (
    "brand" TEXT NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "cadence" TEXT NOT NULL DEFAULT 'weekly',
    "weekday" INTEGER NOT NULL DEFAULT 1,
    "day_of_month" INTEGER NOT NULL DEFAULT 1,
    "hour_utc" INTEGER NOT NULL DEFAULT 6,
    "minimum" INTEGER NOT NULL DEFAULT 5000,
    "reserve_bps" INTEGER NOT NULL DEFAULT 500,
    "reserve_days" INTEGER NOT NULL DEFAULT 90,
    "approval_threshold" INTEGER NOT NULL DEFAULT 500000,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payout_settings_pkey" PRIMARY KEY ("brand")
);

-- CreateTable
CREATE TABLE "payout_methods" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "rail" TEXT NOT NULL,
    "destination" TEXT NOT NULL,
    "display" TEXT NOT NULL,
    "priority" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'PENDING_VERIFICATION',
    "failure" TEXT,
    "provider_recipient_id" TEXT,
    "verified_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removed_at" TIMESTAMPTZ(3),

    CONSTRAINT "payout_methods_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tax_forms" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "tin" TEXT NOT NULL,
    "tin_last4" TEXT NOT NULL,
    "signed_name" TEXT NOT NULL,
    "signed_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tax_forms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payout_holds" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "brand" TEXT,
    "reason" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "until" TIMESTAMPTZ(3),
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "released_at" TIMESTAMPTZ(3),
    "released_by" UUID,

    CONSTRAINT "payout_holds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payout_runs" (
    "id" UUID NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "brand" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'SELECTING',
    "trigger" TEXT NOT NULL,
    "as_of" TIMESTAMPTZ(3) NOT NULL,
    "settings" JSONB NOT NULL,
    "creators" INTEGER NOT NULL DEFAULT 0,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "payout_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payout_items" (
    "id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "creator_id" UUID NOT NULL,
    "brand" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'SELECTED',
    "available" INTEGER NOT NULL,
    "amount" INTEGER,
    "reserve" INTEGER,
    "netted" INTEGER,
    "gates" JSONB,
    "approval_reason" TEXT,
    "approval_detail" TEXT,
    "decided_by" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "decision_note" TEXT,
    "method_id" UUID,
    "rail" TEXT,
    "provider_ref" TEXT,
    "attempts" JSONB NOT NULL DEFAULT '[]',
    "failure_code" TEXT,
    "failure_message" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "settled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payout_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payout_reserves" (
    "id" UUID NOT NULL,
    "item_id" UUID NOT NULL,
    "creator_id" UUID NOT NULL,
    "brand" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "held_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "release_at" TIMESTAMPTZ(3) NOT NULL,
    "released_at" TIMESTAMPTZ(3),

    CONSTRAINT "payout_reserves_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payout_rail_events" (
    "id" BIGSERIAL NOT NULL,
    "rail" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "provider_ref" TEXT NOT NULL,
    "workflow_id" TEXT,
    "payload" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payout_rail_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reconciliation_cases" (
    "id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "rail" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "provider_ref" TEXT NOT NULL,
    "item_id" UUID,
    "ledger_amount" INTEGER,
    "rail_amount" INTEGER,
    "currency" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "resolution" TEXT,
    "resolved_by" UUID,
    "resolved_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reconciliation_cases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payout_preferences" (
    "person_id" UUID NOT NULL,
    "minimum" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payout_preferences_pkey" PRIMARY KEY ("person_id")
);

-- CreateIndex
CREATE INDEX "payout_methods_person_id_status_idx" ON "payout_methods"("person_id", "status");

-- CreateIndex
CREATE INDEX "tax_forms_person_id_signed_at_idx" ON "tax_forms"("person_id", "signed_at");

-- CreateIndex
CREATE INDEX "payout_holds_person_id_idx" ON "payout_holds"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "payout_runs_workflow_id_key" ON "payout_runs"("workflow_id");

-- CreateIndex
CREATE INDEX "payout_runs_brand_started_at_idx" ON "payout_runs"("brand", "started_at");

-- CreateIndex
CREATE UNIQUE INDEX "payout_items_workflow_id_key" ON "payout_items"("workflow_id");

-- CreateIndex
CREATE INDEX "payout_items_status_updated_at_idx" ON "payout_items"("status", "updated_at");

-- CreateIndex
CREATE INDEX "payout_items_creator_id_created_at_idx" ON "payout_items"("creator_id", "created_at");

-- CreateIndex
CREATE INDEX "payout_items_rail_provider_ref_idx" ON "payout_items"("rail", "provider_ref");

-- CreateIndex
CREATE UNIQUE INDEX "payout_items_run_id_creator_id_key" ON "payout_items"("run_id", "creator_id");

-- CreateIndex
CREATE UNIQUE INDEX "payout_reserves_item_id_key" ON "payout_reserves"("item_id");

-- CreateIndex
CREATE INDEX "payout_reserves_brand_release_at_idx" ON "payout_reserves"("brand", "release_at");

-- CreateIndex
CREATE UNIQUE INDEX "payout_rail_events_rail_event_id_key" ON "payout_rail_events"("rail", "event_id");

-- CreateIndex
CREATE INDEX "reconciliation_cases_status_created_at_idx" ON "reconciliation_cases"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "reconciliation_cases_run_id_rail_provider_ref_kind_key" ON "reconciliation_cases"("run_id", "rail", "provider_ref", "kind");

-- AddForeignKey
ALTER TABLE "payout_items" ADD CONSTRAINT "payout_items_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "payout_runs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: the database refuses impossible payouts, whatever the code does.
ALTER TABLE "payout_items" ADD CONSTRAINT "payout_items_amounts_non_negative"
  CHECK ("available" >= 0 AND coalesce("amount", 0) >= 0 AND coalesce("reserve", 0) >= 0 AND coalesce("netted", 0) >= 0);
ALTER TABLE "payout_reserves" ADD CONSTRAINT "payout_reserves_amount_positive" CHECK ("amount" > 0);
ALTER TABLE "payout_settings" ADD CONSTRAINT "payout_settings_sane"
  CHECK ("minimum" >= 0 AND "reserve_bps" BETWEEN 0 AND 10000 AND "reserve_days" >= 0 AND "approval_threshold" > 0
    AND "weekday" BETWEEN 0 AND 6 AND "day_of_month" BETWEEN 1 AND 28 AND "hour_utc" BETWEEN 0 AND 23
    AND "cadence" IN ('weekly', 'biweekly', 'monthly'));
ALTER TABLE "payout_methods" ADD CONSTRAINT "payout_methods_rail"
  CHECK ("rail" IN ('paxum', 'wise', 'ach', 'wire', 'crypto'));
-- one live method per rail per creator: a change replaces the row (the old one is REMOVED, kept for the history)
CREATE UNIQUE INDEX "payout_methods_one_live_per_rail" ON "payout_methods" ("person_id", "rail") WHERE "status" <> 'REMOVED';
-- every brand starts with the default policy
INSERT INTO "payout_settings" ("brand", "currency") SELECT "slug", "settlement_currency" FROM "brands" ON CONFLICT DO NOTHING;

-- Down Migration
-- DropForeignKey
ALTER TABLE "payout_items" DROP CONSTRAINT "payout_items_run_id_fkey";

-- DropTable
DROP TABLE "payout_settings";

-- DropTable
DROP TABLE "payout_methods";

-- DropTable
DROP TABLE "tax_forms";

-- DropTable
DROP TABLE "payout_holds";

-- DropTable
DROP TABLE "payout_runs";

-- DropTable
DROP TABLE "payout_items";

-- DropTable
DROP TABLE "payout_reserves";

-- DropTable
DROP TABLE "payout_rail_events";

-- DropTable
DROP TABLE "reconciliation_cases";

-- DropTable
DROP TABLE "payout_preferences";
