-- Up Migration
-- CreateEnum
CREATE TYPE "post_status" AS ENUM ('DRAFT', 'PUBLISHED', 'REMOVED');

-- CreateEnum
CREATE TYPE "purchase_status" AS ENUM ('PENDING', 'COMPLETED', 'DECLINED', 'FAILED', 'REFUNDED', 'CHARGED_BACK');

-- CreateTable
CREATE TABLE "posts" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "creator_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "price_minor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "status" "post_status" NOT NULL DEFAULT 'PUBLISHED',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "posts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "purchases" (
    "id" UUID NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fan_id" UUID NOT NULL,
    "creator_id" UUID NOT NULL,
    "post_id" UUID,
    "brand" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "processor" TEXT NOT NULL,
    "status" "purchase_status" NOT NULL DEFAULT 'PENDING',
    "transaction_id" TEXT,
    "ledger_entry_id" BIGINT,
    "decline_code" TEXT,
    "failure_reason" TEXT,
    "split" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "purchases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "entitlements" (
    "id" UUID NOT NULL,
    "fan_id" UUID NOT NULL,
    "post_id" UUID NOT NULL,
    "purchase_id" UUID NOT NULL,
    "granted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "entitlements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "processor_events" (
    "id" BIGSERIAL NOT NULL,
    "processor" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "transaction_id" TEXT NOT NULL,
    "workflow_id" TEXT,
    "payload" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processor_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "posts_creator_id_idx" ON "posts"("creator_id");

-- CreateIndex
CREATE UNIQUE INDEX "purchases_workflow_id_key" ON "purchases"("workflow_id");

-- CreateIndex
CREATE INDEX "purchases_fan_id_created_at_idx" ON "purchases"("fan_id", "created_at");

-- CreateIndex
CREATE INDEX "purchases_processor_transaction_id_idx" ON "purchases"("processor", "transaction_id");

-- CreateIndex
CREATE UNIQUE INDEX "entitlements_fan_id_post_id_key" ON "entitlements"("fan_id", "post_id");

-- CreateIndex
CREATE UNIQUE INDEX "processor_events_processor_event_id_key" ON "processor_events"("processor", "event_id");

-- Prices and purchase amounts are positive minor units.
ALTER TABLE "posts" ADD CONSTRAINT "posts_price_positive" CHECK ("price_minor" > 0);
ALTER TABLE "purchases" ADD CONSTRAINT "purchases_amount_positive" CHECK ("amount" > 0);

-- Down Migration
ALTER TABLE "purchases" DROP CONSTRAINT "purchases_amount_positive";
ALTER TABLE "posts" DROP CONSTRAINT "posts_price_positive";
-- DropTable
DROP TABLE "posts";

-- DropTable
DROP TABLE "purchases";

-- DropTable
DROP TABLE "entitlements";

-- DropTable
DROP TABLE "processor_events";

-- DropEnum
DROP TYPE "post_status";

-- DropEnum
DROP TYPE "purchase_status";
