-- Up Migration
-- AlterTable
ALTER TABLE "brands" ADD COLUMN     "settlement_currency" TEXT NOT NULL DEFAULT 'USD';

-- CreateTable
CREATE TABLE "revenue_share_rules" (
    "id" UUID NOT NULL,
    "brand" TEXT NOT NULL,
    "creator_id" UUID,
    "creator_share_bps" INTEGER NOT NULL,
    "valid_from" TIMESTAMPTZ(3) NOT NULL,
    "valid_to" TIMESTAMPTZ(3),
    "reason" TEXT NOT NULL,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "revenue_share_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "referrals" (
    "id" UUID NOT NULL,
    "brand" TEXT NOT NULL,
    "creator_id" UUID NOT NULL,
    "referrer_id" UUID NOT NULL,
    "bps" INTEGER NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "referrals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_methods" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "processor" TEXT NOT NULL,
    "token_ciphertext" TEXT NOT NULL,
    "source_event_id" TEXT,
    "source_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_methods_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "chargeback_cases" (
    "id" UUID NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "processor" TEXT NOT NULL,
    "transaction_id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "purchase_id" UUID NOT NULL,
    "fan_id" UUID NOT NULL,
    "creator_id" UUID NOT NULL,
    "brand" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "clawed_back" INTEGER,
    "loss" INTEGER,
    "fee" INTEGER,
    "ledger_entry_id" BIGINT,
    "evidence_key" TEXT,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "chargeback_cases_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "revenue_share_rules_brand_creator_id_valid_from_idx" ON "revenue_share_rules"("brand", "creator_id", "valid_from");

-- CreateIndex
CREATE UNIQUE INDEX "referrals_brand_creator_id_key" ON "referrals"("brand", "creator_id");

-- CreateIndex
CREATE UNIQUE INDEX "payment_methods_person_id_processor_key" ON "payment_methods"("person_id", "processor");

-- CreateIndex
CREATE UNIQUE INDEX "chargeback_cases_workflow_id_key" ON "chargeback_cases"("workflow_id");

-- CreateIndex
CREATE INDEX "chargeback_cases_brand_opened_at_idx" ON "chargeback_cases"("brand", "opened_at");

-- CreateIndex
CREATE UNIQUE INDEX "chargeback_cases_processor_transaction_id_key" ON "chargeback_cases"("processor", "transaction_id");

-- Rules the database enforces itself.
ALTER TABLE "revenue_share_rules" ADD CONSTRAINT "revenue_share_rules_bps" CHECK ("creator_share_bps" BETWEEN 0 AND 10000);
ALTER TABLE "revenue_share_rules" ADD CONSTRAINT "revenue_share_rules_period" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from");
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_bps" CHECK ("bps" BETWEEN 0 AND 10000);
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_period" CHECK ("ends_at" > "starts_at");
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_not_self" CHECK ("referrer_id" <> "creator_id");
ALTER TABLE "fx_rates" ADD CONSTRAINT "fx_rates_positive" CHECK ("rate" > 0 AND "base" <> "quote");

-- Down Migration
ALTER TABLE "fx_rates" DROP CONSTRAINT "fx_rates_positive";
-- AlterTable
ALTER TABLE "brands" DROP COLUMN "settlement_currency";

-- DropTable
DROP TABLE "revenue_share_rules";

-- DropTable
DROP TABLE "referrals";

-- DropTable
DROP TABLE "payment_methods";

-- DropTable
DROP TABLE "chargeback_cases";
