-- Up Migration
-- CreateEnum
CREATE TYPE "person_status" AS ENUM ('pending', 'active', 'suspended', 'expired');

-- AlterTable
ALTER TABLE "people" ADD COLUMN     "age_assurance" TEXT,
ADD COLUMN     "age_verified_at" TIMESTAMPTZ(3),
ADD COLUMN     "country" TEXT,
ADD COLUMN     "failed_logins" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "locked_until" TIMESTAMPTZ(3),
ADD COLUMN     "region" TEXT,
ADD COLUMN     "status" "person_status" NOT NULL DEFAULT 'active',
ADD COLUMN     "totp_enabled_at" TIMESTAMPTZ(3),
ADD COLUMN     "totp_secret" TEXT;

-- AlterTable
ALTER TABLE "sessions" ADD COLUMN     "family_id" UUID,
ADD COLUMN     "mfa_pending" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "refresh_expires_at" TIMESTAMPTZ(3),
ADD COLUMN     "refresh_hash" TEXT;

-- CreateTable
CREATE TABLE "consents" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "brand_id" UUID,
    "kind" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "granted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawn_at" TIMESTAMPTZ(3),
    "request_id" TEXT,

    CONSTRAINT "consents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_tokens" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_attempts" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "succeeded" BOOLEAN NOT NULL,

    CONSTRAINT "login_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person_keys" (
    "person_id" UUID NOT NULL,
    "key_id" TEXT NOT NULL,
    "wrapped_key" BYTEA,
    "master_key_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "destroyed_at" TIMESTAMPTZ(3),

    CONSTRAINT "person_keys_pkey" PRIMARY KEY ("person_id")
);

-- CreateTable
CREATE TABLE "kyc_cases" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_session_id" TEXT,
    "hosted_url" TEXT,
    "resubmissions" INTEGER NOT NULL DEFAULT 0,
    "reminders_sent" INTEGER NOT NULL DEFAULT 0,
    "reason_code" TEXT,
    "reason" TEXT,
    "evidence" TEXT,
    "release_version" TEXT,
    "release_signature" TEXT,
    "aliases" TEXT,
    "escalated_at" TIMESTAMPTZ(3),
    "decided_by" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "kyc_cases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kyc_events" (
    "id" BIGSERIAL NOT NULL,
    "provider" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "session_id" TEXT NOT NULL,
    "case_id" UUID,
    "status" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "kyc_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "records_custodians" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "business_address" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "records_custodians_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_release_versions" (
    "version" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "effective_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "model_release_versions_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "performer_records" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "kyc_case_id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "legal_name" TEXT NOT NULL,
    "date_of_birth" TEXT NOT NULL,
    "document_type" TEXT NOT NULL,
    "document_number" TEXT NOT NULL,
    "document_index" TEXT NOT NULL,
    "document_issuer" TEXT NOT NULL,
    "document_expires_on" TEXT NOT NULL,
    "aliases" TEXT NOT NULL,
    "id_copies" JSONB NOT NULL,
    "release_version" TEXT NOT NULL,
    "release_signature" TEXT NOT NULL,
    "release_sha256" TEXT NOT NULL,
    "record_made_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "superseded_at" TIMESTAMPTZ(3),

    CONSTRAINT "performer_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "performer_aliases" (
    "id" BIGSERIAL NOT NULL,
    "record_id" UUID NOT NULL,
    "alias_index" TEXT NOT NULL,

    CONSTRAINT "performer_aliases_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "consents_person_id_brand_id_kind_version_key" ON "consents"("person_id", "brand_id", "kind", "version");

-- CreateIndex
CREATE UNIQUE INDEX "email_tokens_token_hash_key" ON "email_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "email_tokens_person_id_purpose_idx" ON "email_tokens"("person_id", "purpose");

-- CreateIndex
CREATE INDEX "login_attempts_key_at_idx" ON "login_attempts"("key", "at");

-- CreateIndex
CREATE INDEX "kyc_cases_status_created_at_idx" ON "kyc_cases"("status", "created_at");

-- CreateIndex
CREATE INDEX "kyc_cases_person_id_idx" ON "kyc_cases"("person_id");

-- CreateIndex
CREATE INDEX "kyc_cases_workflow_id_idx" ON "kyc_cases"("workflow_id");

-- CreateIndex
CREATE INDEX "kyc_cases_provider_session_id_idx" ON "kyc_cases"("provider_session_id");

-- CreateIndex
CREATE UNIQUE INDEX "kyc_events_provider_event_id_key" ON "kyc_events"("provider", "event_id");

-- CreateIndex
CREATE UNIQUE INDEX "records_custodians_brand_id_key" ON "records_custodians"("brand_id");

-- CreateIndex
CREATE UNIQUE INDEX "performer_records_kyc_case_id_key" ON "performer_records"("kyc_case_id");

-- CreateIndex
CREATE INDEX "performer_records_person_id_idx" ON "performer_records"("person_id");

-- CreateIndex
CREATE INDEX "performer_records_document_index_idx" ON "performer_records"("document_index");

-- CreateIndex
CREATE INDEX "performer_aliases_alias_index_idx" ON "performer_aliases"("alias_index");

-- CreateIndex
CREATE UNIQUE INDEX "performer_aliases_record_id_alias_index_key" ON "performer_aliases"("record_id", "alias_index");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_refresh_hash_key" ON "sessions"("refresh_hash");

-- CreateIndex
CREATE INDEX "sessions_family_id_idx" ON "sessions"("family_id");

-- AddForeignKey
ALTER TABLE "consents" ADD CONSTRAINT "consents_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_tokens" ADD CONSTRAINT "email_tokens_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "performer_aliases" ADD CONSTRAINT "performer_aliases_record_id_fkey" FOREIGN KEY ("record_id") REFERENCES "performer_records"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- 2257 records are kept for their statutory period: the database refuses to delete them, and the only change it
-- allows is marking a record superseded by a newer one (28 CFR 75.2: records are kept, never rewritten).
CREATE FUNCTION "guard_performer_record"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'performer records are kept for their statutory period; % refused', TG_OP USING ERRCODE = 'P0001';
  END IF;
  IF (to_jsonb(NEW) - 'superseded_at') IS DISTINCT FROM (to_jsonb(OLD) - 'superseded_at') OR OLD.superseded_at IS NOT NULL THEN
    RAISE EXCEPTION 'a performer record is immutable; only superseded_at may be set, once' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "performer_records_guard" BEFORE UPDATE OR DELETE ON "performer_records"
  FOR EACH ROW EXECUTE FUNCTION "guard_performer_record"();
CREATE FUNCTION "refuse_alias_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the 2257 alias index is append-only; % refused', TG_OP USING ERRCODE = 'P0001';
END $$;
CREATE TRIGGER "performer_aliases_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "performer_aliases"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_alias_change"();
CREATE TRIGGER "performer_records_no_truncate" BEFORE TRUNCATE ON "performer_records"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_alias_change"();

-- Down Migration
DROP TRIGGER "performer_records_no_truncate" ON "performer_records";
DROP TRIGGER "performer_aliases_append_only" ON "performer_aliases";
DROP FUNCTION "refuse_alias_change"();
DROP TRIGGER "performer_records_guard" ON "performer_records";
DROP FUNCTION "guard_performer_record"();
-- DropForeignKey
ALTER TABLE "consents" DROP CONSTRAINT "consents_person_id_fkey";

-- DropForeignKey
ALTER TABLE "email_tokens" DROP CONSTRAINT "email_tokens_person_id_fkey";

-- DropForeignKey
ALTER TABLE "performer_aliases" DROP CONSTRAINT "performer_aliases_record_id_fkey";

-- DropIndex
DROP INDEX "sessions_refresh_hash_key";

-- DropIndex
DROP INDEX "sessions_family_id_idx";

-- AlterTable
ALTER TABLE "people" DROP COLUMN "age_assurance",
DROP COLUMN "age_verified_at",
DROP COLUMN "country",
DROP COLUMN "failed_logins",
DROP COLUMN "locked_until",
DROP COLUMN "region",
DROP COLUMN "status",
DROP COLUMN "totp_enabled_at",
DROP COLUMN "totp_secret";

-- AlterTable
ALTER TABLE "sessions" DROP COLUMN "family_id",
DROP COLUMN "mfa_pending",
DROP COLUMN "refresh_expires_at",
DROP COLUMN "refresh_hash";

-- DropTable
DROP TABLE "consents";

-- DropTable
DROP TABLE "email_tokens";

-- DropTable
DROP TABLE "login_attempts";

-- DropTable
DROP TABLE "person_keys";

-- DropTable
DROP TABLE "kyc_cases";

-- DropTable
DROP TABLE "kyc_events";

-- DropTable
DROP TABLE "records_custodians";

-- DropTable
DROP TABLE "model_release_versions";

-- DropTable
DROP TABLE "performer_records";

-- DropTable
DROP TABLE "performer_aliases";

-- DropEnum
DROP TYPE "person_status";
