-- Up Migration
-- CreateEnum
CREATE TYPE "media_status" AS ENUM ('UPLOADING', 'PROCESSING', 'IN_REVIEW', 'AWAITING_PERFORMERS', 'PUBLISHED', 'REJECTED', 'FAILED', 'TAKEN_DOWN', 'DELETED');

-- CreateTable
CREATE TABLE "media_items" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "creator_id" UUID NOT NULL,
    "post_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "caption" TEXT NOT NULL DEFAULT '',
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "access" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size_bytes" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "source_key" TEXT NOT NULL,
    "upload_id" TEXT,
    "status" "media_status" NOT NULL DEFAULT 'UPLOADING',
    "failure_code" TEXT,
    "failure_reason" TEXT,
    "workflow_id" TEXT NOT NULL,
    "probe" JSONB,
    "renditions" JSONB NOT NULL DEFAULT '[]',
    "artwork" JSONB,
    "findings" JSONB,
    "assignee_id" UUID,
    "review_due_at" TIMESTAMPTZ(3),
    "escalated_at" TIMESTAMPTZ(3),
    "decision" TEXT,
    "decision_reason" TEXT,
    "decided_by" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "appeal_deadline" TIMESTAMPTZ(3),
    "appealed_at" TIMESTAMPTZ(3),
    "purged_at" TIMESTAMPTZ(3),
    "published_at" TIMESTAMPTZ(3),
    "taken_down_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "media_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "media_performers" (
    "id" UUID NOT NULL,
    "media_id" UUID NOT NULL,
    "person_id" UUID,
    "email_index" TEXT,
    "alias" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "record_id" UUID,
    "verified_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "media_performers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "depiction_index" (
    "id" BIGSERIAL NOT NULL,
    "record_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "media_id" UUID NOT NULL,
    "alias_index" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "depiction_index_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "media_review_events" (
    "id" BIGSERIAL NOT NULL,
    "media_id" UUID NOT NULL,
    "actor_id" UUID,
    "action" TEXT NOT NULL,
    "reason_code" TEXT,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "media_review_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "moderation_block_hashes" (
    "id" BIGSERIAL NOT NULL,
    "phash" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "added_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "moderation_block_hashes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "moderation_policies" (
    "brand_id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "rules" JSONB NOT NULL,
    "updated_by" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "moderation_policies_pkey" PRIMARY KEY ("brand_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "media_items_post_id_key" ON "media_items"("post_id");

-- CreateIndex
CREATE INDEX "media_items_status_review_due_at_idx" ON "media_items"("status", "review_due_at");

-- CreateIndex
CREATE INDEX "media_items_creator_id_created_at_idx" ON "media_items"("creator_id", "created_at");

-- CreateIndex
CREATE INDEX "media_performers_media_id_idx" ON "media_performers"("media_id");

-- CreateIndex
CREATE INDEX "media_performers_person_id_idx" ON "media_performers"("person_id");

-- CreateIndex
CREATE INDEX "depiction_index_record_id_idx" ON "depiction_index"("record_id");

-- CreateIndex
CREATE UNIQUE INDEX "depiction_index_media_id_record_id_key" ON "depiction_index"("media_id", "record_id");

-- CreateIndex
CREATE INDEX "media_review_events_media_id_id_idx" ON "media_review_events"("media_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "moderation_block_hashes_phash_key" ON "moderation_block_hashes"("phash");

-- AddForeignKey
ALTER TABLE "media_performers" ADD CONSTRAINT "media_performers_media_id_fkey" FOREIGN KEY ("media_id") REFERENCES "media_items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "media_review_events" ADD CONSTRAINT "media_review_events_media_id_fkey" FOREIGN KEY ("media_id") REFERENCES "media_items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE FUNCTION "refuse_history_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
-- The review trail is evidence (appeals, takedowns, regulators): rows are never changed or removed.
CREATE TRIGGER "media_review_events_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "media_review_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();
-- The depiction index is a 2257 record: kept for the statutory period, never edited.
CREATE TRIGGER "depiction_index_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "depiction_index"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();
ALTER TABLE "media_items" ADD CONSTRAINT "media_items_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE RESTRICT;
ALTER TABLE "media_items" ADD CONSTRAINT "media_items_access_check" CHECK ("access" IN ('ppv', 'subscribers'));
ALTER TABLE "media_items" ADD CONSTRAINT "media_items_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$');
ALTER TABLE "moderation_block_hashes" ADD CONSTRAINT "moderation_block_hashes_phash_check" CHECK ("phash" ~ '^[0-9a-f]{16}$');

-- Down Migration
ALTER TABLE "moderation_block_hashes" DROP CONSTRAINT "moderation_block_hashes_phash_check";
ALTER TABLE "media_items" DROP CONSTRAINT "media_items_sha256_check";
ALTER TABLE "media_items" DROP CONSTRAINT "media_items_access_check";
ALTER TABLE "media_items" DROP CONSTRAINT "media_items_post_id_fkey";
DROP TRIGGER "depiction_index_append_only" ON "depiction_index";
DROP TRIGGER "media_review_events_append_only" ON "media_review_events";
DROP FUNCTION "refuse_history_change"();
-- DropForeignKey
ALTER TABLE "media_performers" DROP CONSTRAINT "media_performers_media_id_fkey";

-- DropForeignKey
ALTER TABLE "media_review_events" DROP CONSTRAINT "media_review_events_media_id_fkey";

-- DropTable
DROP TABLE "media_items";

-- DropTable
DROP TABLE "media_performers";

-- DropTable
DROP TABLE "depiction_index";

-- DropTable
DROP TABLE "media_review_events";

-- DropTable
DROP TABLE "moderation_block_hashes";

-- DropTable
DROP TABLE "moderation_policies";

-- DropEnum
DROP TYPE "media_status";
