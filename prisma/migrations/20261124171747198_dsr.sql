-- Up Migration
-- AlterEnum
ALTER TYPE "person_status" ADD VALUE 'erased';

-- CreateTable
CREATE TABLE "dsr_requests" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "brand" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'AWAITING_VERIFICATION',
    "channel" TEXT NOT NULL,
    "requested_by" UUID,
    "agent" JSONB,
    "verification" TEXT NOT NULL DEFAULT 'pending',
    "verification_method" TEXT,
    "verification_note" TEXT,
    "verified_at" TIMESTAMPTZ(3),
    "code_hash" TEXT,
    "code_expires_at" TIMESTAMPTZ(3),
    "code_attempts" INTEGER NOT NULL DEFAULT 0,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "extensions" JSONB NOT NULL DEFAULT '[]',
    "reminders_sent" INTEGER NOT NULL DEFAULT 0,
    "escalated_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "rejected_reason" TEXT,
    "rectification" TEXT,
    "contact" TEXT,
    "workflow_id" TEXT NOT NULL,
    "archive_key" TEXT,
    "archive_bytes" BIGINT,
    "download_expires_at" TIMESTAMPTZ(3),
    "receipt" JSONB,
    "receipt_signature" TEXT,
    "receipt_key_id" TEXT,
    "receipt_issued_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dsr_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dsr_steps" (
    "request_id" UUID NOT NULL,
    "system" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "erased" JSONB NOT NULL DEFAULT '{}',
    "withheld" JSONB NOT NULL DEFAULT '[]',
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "dsr_steps_pkey" PRIMARY KEY ("request_id","system")
);

-- CreateTable
CREATE TABLE "legal_holds" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'litigation',
    "reason" TEXT NOT NULL,
    "until" TIMESTAMPTZ(3),
    "set_by" UUID NOT NULL,
    "set_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "released_at" TIMESTAMPTZ(3),
    "released_by" UUID,
    "release_reason" TEXT,

    CONSTRAINT "legal_holds_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "dsr_requests_workflow_id_key" ON "dsr_requests"("workflow_id");

-- CreateIndex
CREATE INDEX "dsr_requests_status_due_at_idx" ON "dsr_requests"("status", "due_at");

-- CreateIndex
CREATE INDEX "dsr_requests_person_id_idx" ON "dsr_requests"("person_id");

-- CreateIndex
CREATE INDEX "legal_holds_person_id_idx" ON "legal_holds"("person_id");

-- AddForeignKey
ALTER TABLE "dsr_steps" ADD CONSTRAINT "dsr_steps_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "dsr_requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the states and kinds the workflow knows, one open request per person and kind, people kept as tombstones
ALTER TABLE "dsr_requests" ADD CONSTRAINT "dsr_requests_kind" CHECK ("kind" IN ('access', 'erasure', 'rectification'));
ALTER TABLE "dsr_requests" ADD CONSTRAINT "dsr_requests_jurisdiction" CHECK ("jurisdiction" IN ('GDPR', 'CCPA'));
ALTER TABLE "dsr_requests" ADD CONSTRAINT "dsr_requests_status" CHECK ("status" IN ('AWAITING_VERIFICATION', 'IN_PROGRESS', 'WAITING_ON_HOLD', 'COMPLETED', 'REJECTED'));
ALTER TABLE "dsr_requests" ADD CONSTRAINT "dsr_requests_verification" CHECK ("verification" IN ('pending', 'verified', 'failed'));
ALTER TABLE "dsr_requests" ADD CONSTRAINT "dsr_requests_channel" CHECK ("channel" IN ('privacy_center', 'back_office'));
CREATE UNIQUE INDEX "dsr_requests_one_open" ON "dsr_requests" ("person_id", "kind") WHERE "status" IN ('AWAITING_VERIFICATION', 'IN_PROGRESS', 'WAITING_ON_HOLD');
ALTER TABLE "dsr_requests" ADD CONSTRAINT "dsr_requests_person_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id");
ALTER TABLE "dsr_steps" ADD CONSTRAINT "dsr_steps_status" CHECK ("status" IN ('PENDING', 'DONE', 'WITHHELD', 'SKIPPED'));
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_person_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id");
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_kind" CHECK ("kind" IN ('litigation'));
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_release_complete" CHECK (("released_at" IS NULL) = ("released_by" IS NULL));

-- Down Migration
-- AlterEnum
BEGIN;
CREATE TYPE "person_status_new" AS ENUM ('pending', 'active', 'suspended', 'expired');
ALTER TABLE "people" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "people" ALTER COLUMN "status" TYPE "person_status_new" USING ("status"::text::"person_status_new");
ALTER TYPE "person_status" RENAME TO "person_status_old";
ALTER TYPE "person_status_new" RENAME TO "person_status";
DROP TYPE "person_status_old";
ALTER TABLE "people" ALTER COLUMN "status" SET DEFAULT 'active';
COMMIT;

-- DropForeignKey
ALTER TABLE "dsr_steps" DROP CONSTRAINT "dsr_steps_request_id_fkey";

-- DropTable
DROP TABLE "dsr_requests";

-- DropTable
DROP TABLE "dsr_steps";

-- DropTable
DROP TABLE "legal_holds";
