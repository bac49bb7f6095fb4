-- Up Migration
-- CreateTable
CREATE TABLE "collectible_settings" (
    "brand" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "mint_fee_minor" INTEGER NOT NULL DEFAULT 50,
    "max_edition" INTEGER NOT NULL DEFAULT 1000,
    "max_royalty_bps" INTEGER NOT NULL DEFAULT 1000,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "collectible_settings_pkey" PRIMARY KEY ("brand")
);

-- CreateTable
CREATE TABLE "custodial_wallets" (
    "person_id" UUID NOT NULL,
    "address" TEXT NOT NULL,
    "sealed_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "custodial_wallets_pkey" PRIMARY KEY ("person_id")
);

-- CreateTable
CREATE TABLE "chain_senders" (
    "chain_key" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "next_nonce" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chain_senders_pkey" PRIMARY KEY ("chain_key","address")
);

-- CreateTable
CREATE TABLE "chain_transactions" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "chain_key" TEXT NOT NULL,
    "from_address" TEXT NOT NULL,
    "nonce" BIGINT NOT NULL,
    "to_address" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "gas_limit" BIGINT NOT NULL,
    "purpose" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'SIGNED',
    "attempts" JSONB NOT NULL DEFAULT '[]',
    "mined_hash" TEXT,
    "block_number" BIGINT,
    "gas_used" BIGINT,
    "workflow_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chain_transactions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "collectible_editions" (
    "id" UUID NOT NULL,
    "edition_key" TEXT NOT NULL,
    "brand_id" UUID NOT NULL,
    "creator_id" UUID NOT NULL,
    "media_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "max_supply" INTEGER NOT NULL,
    "sold" INTEGER NOT NULL DEFAULT 0,
    "price_minor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "royalty_bps" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'GATING',
    "refusal_code" TEXT,
    "refusal_reason" TEXT,
    "metadata_key" TEXT,
    "metadata_uri" TEXT,
    "image_key" TEXT,
    "contract_address" TEXT,
    "creator_address" TEXT,
    "create_tx_key" TEXT,
    "workflow_id" TEXT NOT NULL,
    "live_at" TIMESTAMPTZ(3),
    "taken_down_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "collectible_editions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "collectible_tokens" (
    "id" UUID NOT NULL,
    "edition_id" UUID NOT NULL,
    "purchase_id" UUID NOT NULL,
    "buyer_id" UUID NOT NULL,
    "mint_id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'RESERVED',
    "owner_address" TEXT,
    "token_id" TEXT,
    "serial" INTEGER,
    "tx_key" TEXT,
    "workflow_id" TEXT NOT NULL,
    "minted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "collectible_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "custodial_wallets_address_key" ON "custodial_wallets"("address");

-- CreateIndex
CREATE UNIQUE INDEX "chain_transactions_key_key" ON "chain_transactions"("key");

-- CreateIndex
CREATE INDEX "chain_transactions_status_created_at_idx" ON "chain_transactions"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "chain_transactions_chain_key_from_address_nonce_key" ON "chain_transactions"("chain_key", "from_address", "nonce");

-- CreateIndex
CREATE UNIQUE INDEX "collectible_editions_edition_key_key" ON "collectible_editions"("edition_key");

-- CreateIndex
CREATE INDEX "collectible_editions_brand_id_status_idx" ON "collectible_editions"("brand_id", "status");

-- CreateIndex
CREATE INDEX "collectible_editions_creator_id_idx" ON "collectible_editions"("creator_id");

-- CreateIndex
CREATE INDEX "collectible_editions_media_id_idx" ON "collectible_editions"("media_id");

-- CreateIndex
CREATE UNIQUE INDEX "collectible_tokens_purchase_id_key" ON "collectible_tokens"("purchase_id");

-- CreateIndex
CREATE UNIQUE INDEX "collectible_tokens_mint_id_key" ON "collectible_tokens"("mint_id");

-- CreateIndex
CREATE INDEX "collectible_tokens_edition_id_status_idx" ON "collectible_tokens"("edition_id", "status");

-- CreateIndex
CREATE INDEX "collectible_tokens_buyer_id_created_at_idx" ON "collectible_tokens"("buyer_id", "created_at");

-- AddForeignKey
ALTER TABLE "collectible_tokens" ADD CONSTRAINT "collectible_tokens_edition_id_fkey" FOREIGN KEY ("edition_id") REFERENCES "collectible_editions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Checks the database keeps, whatever the code does
ALTER TABLE "collectible_editions" ADD CONSTRAINT "collectible_editions_supply"
  CHECK ("max_supply" > 0 AND "sold" >= 0 AND "sold" <= "max_supply" AND "price_minor" > 0 AND "royalty_bps" BETWEEN 0 AND 10000);
ALTER TABLE "collectible_editions" ADD CONSTRAINT "collectible_editions_status"
  CHECK ("status" IN ('GATING', 'CREATING', 'LIVE', 'SOLD_OUT', 'TAKEN_DOWN', 'REFUSED', 'FAILED'));
ALTER TABLE "collectible_tokens" ADD CONSTRAINT "collectible_tokens_status" CHECK ("status" IN ('RESERVED', 'MINTING', 'MINTED', 'RELEASED'));
ALTER TABLE "chain_transactions" ADD CONSTRAINT "chain_transactions_status" CHECK ("status" IN ('SIGNED', 'SENT', 'CONFIRMED', 'REVERTED'));
ALTER TABLE "chain_senders" ADD CONSTRAINT "chain_senders_nonce" CHECK ("next_nonce" >= 0);
ALTER TABLE "collectible_settings" ADD CONSTRAINT "collectible_settings_ranges"
  CHECK ("mint_fee_minor" >= 0 AND "max_edition" > 0 AND "max_royalty_bps" BETWEEN 0 AND 10000);


-- Down Migration
-- DropForeignKey
ALTER TABLE "collectible_tokens" DROP CONSTRAINT "collectible_tokens_edition_id_fkey";

-- DropTable
DROP TABLE "collectible_settings";

-- DropTable
DROP TABLE "custodial_wallets";

-- DropTable
DROP TABLE "chain_senders";

-- DropTable
DROP TABLE "chain_transactions";

-- DropTable
DROP TABLE "collectible_editions";

-- DropTable
DROP TABLE "collectible_tokens";
