-- Up Migration
-- AlterTable
ALTER TABLE "chain_transactions" ADD COLUMN     "value" DECIMAL(78,0) NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "collectible_tokens" ADD COLUMN     "withdraw_tx_key" TEXT,
ADD COLUMN     "withdrawn_at" TIMESTAMPTZ(3),
ADD COLUMN     "withdrawn_to" TEXT;

-- a token may leave custody for the owner's own wallet
ALTER TABLE "collectible_tokens" DROP CONSTRAINT "collectible_tokens_status";
ALTER TABLE "collectible_tokens" ADD CONSTRAINT "collectible_tokens_status"
  CHECK ("status" IN ('RESERVED', 'MINTING', 'MINTED', 'RELEASED', 'WITHDRAWING', 'WITHDRAWN'));
ALTER TABLE "chain_transactions" ADD CONSTRAINT "chain_transactions_value" CHECK ("value" >= 0);

-- Down Migration
ALTER TABLE "chain_transactions" DROP CONSTRAINT "chain_transactions_value";
ALTER TABLE "collectible_tokens" DROP CONSTRAINT "collectible_tokens_status";
ALTER TABLE "collectible_tokens" ADD CONSTRAINT "collectible_tokens_status" CHECK ("status" IN ('RESERVED', 'MINTING', 'MINTED', 'RELEASED'));
-- AlterTable
ALTER TABLE "chain_transactions" DROP COLUMN "value";

-- AlterTable
ALTER TABLE "collectible_tokens" DROP COLUMN "withdraw_tx_key",
DROP COLUMN "withdrawn_at",
DROP COLUMN "withdrawn_to";
