-- Up Migration
-- CreateTable
CREATE TABLE "subscription_plans" (
    "id" UUID NOT NULL,
    "creator_id" UUID NOT NULL,
    "brand" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tiers" JSONB NOT NULL,
    "bundles" JSONB NOT NULL DEFAULT '[]',
    "trial_days" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "subscription_plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "promo_codes" (
    "id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "tier_ids" JSONB,
    "discount" JSONB NOT NULL,
    "cycles" INTEGER,
    "max_redemptions" INTEGER,
    "once_per_fan" BOOLEAN NOT NULL DEFAULT true,
    "valid_from" TIMESTAMPTZ(3) NOT NULL,
    "valid_until" TIMESTAMPTZ(3),
    "redemptions" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "promo_codes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "promo_redemptions" (
    "id" UUID NOT NULL,
    "promo_id" UUID NOT NULL,
    "fan_id" UUID NOT NULL,
    "subscription_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "promo_redemptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "subscriptions" (
    "id" UUID NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "fan_id" UUID NOT NULL,
    "creator_id" UUID NOT NULL,
    "brand" TEXT NOT NULL,
    "plan_id" UUID NOT NULL,
    "tier_id" TEXT NOT NULL,
    "period_months" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "price" INTEGER NOT NULL,
    "promo_code" TEXT,
    "processor" TEXT NOT NULL,
    "renewal_mode" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "cancel_at_period_end" BOOLEAN NOT NULL DEFAULT false,
    "current_period_start" TIMESTAMPTZ(3),
    "current_period_end" TIMESTAMPTZ(3),
    "next_billing_at" TIMESTAMPTZ(3),
    "paused_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "end_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "subscription_cycles" (
    "id" BIGSERIAL NOT NULL,
    "subscription_id" UUID NOT NULL,
    "cycle" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "period_end" TIMESTAMPTZ(3) NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "transaction_id" TEXT,
    "ledger_entry_id" BIGINT,
    "failure_code" TEXT,
    "workflow_id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "subscription_cycles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "subscription_entitlements" (
    "subscription_id" UUID NOT NULL,
    "fan_id" UUID NOT NULL,
    "creator_id" UUID NOT NULL,
    "brand" TEXT NOT NULL,
    "access" TEXT NOT NULL,
    "valid_until" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "subscription_entitlements_pkey" PRIMARY KEY ("subscription_id")
);

-- CreateTable
CREATE TABLE "price_changes" (
    "id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "tier_id" TEXT NOT NULL,
    "old_monthly_price" INTEGER NOT NULL,
    "new_monthly_price" INTEGER NOT NULL,
    "notice_ends_at" TIMESTAMPTZ(3) NOT NULL,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "price_changes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "subscription_plans_creator_id_brand_key" ON "subscription_plans"("creator_id", "brand");

-- CreateIndex
CREATE UNIQUE INDEX "promo_codes_plan_id_code_key" ON "promo_codes"("plan_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "promo_redemptions_subscription_id_key" ON "promo_redemptions"("subscription_id");

-- CreateIndex
CREATE INDEX "promo_redemptions_promo_id_fan_id_idx" ON "promo_redemptions"("promo_id", "fan_id");

-- CreateIndex
CREATE UNIQUE INDEX "subscriptions_workflow_id_key" ON "subscriptions"("workflow_id");

-- CreateIndex
CREATE INDEX "subscriptions_fan_id_created_at_idx" ON "subscriptions"("fan_id", "created_at");

-- CreateIndex
CREATE INDEX "subscriptions_creator_id_brand_idx" ON "subscriptions"("creator_id", "brand");

-- CreateIndex
CREATE INDEX "subscriptions_status_next_billing_at_idx" ON "subscriptions"("status", "next_billing_at");

-- CreateIndex
CREATE INDEX "subscription_cycles_transaction_id_idx" ON "subscription_cycles"("transaction_id");

-- CreateIndex
CREATE UNIQUE INDEX "subscription_cycles_subscription_id_cycle_kind_attempt_key" ON "subscription_cycles"("subscription_id", "cycle", "kind", "attempt");

-- CreateIndex
CREATE INDEX "subscription_entitlements_fan_id_creator_id_brand_idx" ON "subscription_entitlements"("fan_id", "creator_id", "brand");

-- CreateIndex
CREATE INDEX "price_changes_plan_id_tier_id_idx" ON "price_changes"("plan_id", "tier_id");

-- Rules the database enforces itself.
-- one live subscription per fan and plan: subscribing twice is refused, resubscribing after the end is not
CREATE UNIQUE INDEX "subscriptions_one_live_per_fan_plan" ON "subscriptions" ("fan_id", "plan_id")
  WHERE "status" NOT IN ('CANCELLED', 'ENDED', 'FAILED');
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_status" CHECK ("status" IN
  ('PENDING', 'TRIALING', 'ACTIVE', 'PAST_DUE', 'GRACE', 'PAUSED', 'CANCELLED', 'ENDED', 'FAILED'));
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_renewal_mode" CHECK ("renewal_mode" IN ('PROCESSOR', 'MERCHANT'));
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_period" CHECK ("period_months" IN (1, 3, 6, 12) AND "price" >= 0);
ALTER TABLE "subscription_entitlements" ADD CONSTRAINT "subscription_entitlements_access" CHECK ("access" IN ('FULL', 'RESTRICTED', 'NONE'));
ALTER TABLE "subscription_cycles" ADD CONSTRAINT "subscription_cycles_amount" CHECK ("amount" >= 0 AND "attempt" >= 1 AND "cycle" >= 0);
ALTER TABLE "promo_codes" ADD CONSTRAINT "promo_codes_counts" CHECK ("redemptions" >= 0
  AND ("max_redemptions" IS NULL OR ("max_redemptions" > 0 AND "redemptions" <= "max_redemptions")));
ALTER TABLE "price_changes" ADD CONSTRAINT "price_changes_prices" CHECK ("old_monthly_price" > 0 AND "new_monthly_price" > 0);

-- Down Migration
-- DropTable
DROP TABLE "subscription_plans";

-- DropTable
DROP TABLE "promo_codes";

-- DropTable
DROP TABLE "promo_redemptions";

-- DropTable
DROP TABLE "subscriptions";

-- DropTable
DROP TABLE "subscription_cycles";

-- DropTable
DROP TABLE "subscription_entitlements";

-- DropTable
DROP TABLE "price_changes";
