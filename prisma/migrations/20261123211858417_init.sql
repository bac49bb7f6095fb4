-- Up Migration
-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "persona_kind" AS ENUM ('fan', 'creator');

-- CreateEnum
CREATE TYPE "role" AS ENUM ('fan', 'creator', 'moderator', 'compliance', 'finance', 'admin');

-- CreateEnum
CREATE TYPE "check_status" AS ENUM ('RUNNING', 'COMPLETED', 'FAILED');

-- CreateTable
CREATE TABLE "brands" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tagline" TEXT NOT NULL,
    "primary_color" TEXT NOT NULL,
    "strict_age_gate" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "brands_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "people" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT,
    "email_verified_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "people_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "personas" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "kind" "persona_kind" NOT NULL,
    "handle" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "personas_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "role_grants" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "role" "role" NOT NULL,
    "brand_id" UUID,
    "granted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "role_grants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "person_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_logs" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "actor_email" TEXT,
    "action" TEXT NOT NULL,
    "resource_type" TEXT NOT NULL,
    "resource_id" TEXT,
    "reason" TEXT,
    "request_id" TEXT,
    "workflow_id" TEXT,
    "run_id" TEXT,
    "details" JSONB,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "platform_checks" (
    "id" UUID NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "run_id" TEXT,
    "status" "check_status" NOT NULL DEFAULT 'RUNNING',
    "ok" BOOLEAN,
    "requested_by_id" UUID,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "checks" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "platform_checks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ops_probes" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "written_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ops_probes_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "brands_slug_key" ON "brands"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "people_email_key" ON "people"("email");

-- CreateIndex
CREATE UNIQUE INDEX "personas_brand_id_handle_key" ON "personas"("brand_id", "handle");

-- CreateIndex
CREATE UNIQUE INDEX "personas_person_id_brand_id_kind_key" ON "personas"("person_id", "brand_id", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "role_grants_person_id_role_brand_id_key" ON "role_grants"("person_id", "role", "brand_id");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions"("token_hash");

-- CreateIndex
CREATE INDEX "sessions_person_id_idx" ON "sessions"("person_id");

-- CreateIndex
CREATE INDEX "audit_logs_at_idx" ON "audit_logs"("at");

-- CreateIndex
CREATE INDEX "audit_logs_resource_type_resource_id_idx" ON "audit_logs"("resource_type", "resource_id");

-- CreateIndex
CREATE UNIQUE INDEX "platform_checks_workflow_id_key" ON "platform_checks"("workflow_id");

-- CreateIndex
CREATE INDEX "platform_checks_started_at_idx" ON "platform_checks"("started_at");

-- AddForeignKey
ALTER TABLE "personas" ADD CONSTRAINT "personas_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "personas" ADD CONSTRAINT "personas_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Audit trail is append-only: the database itself refuses to change or remove history.
CREATE FUNCTION "refuse_audit_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_logs is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER "audit_logs_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_logs"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_audit_change"();

-- Down Migration
-- Drop the append-only guard
DROP TRIGGER "audit_logs_append_only" ON "audit_logs";
DROP FUNCTION "refuse_audit_change"();

-- DropForeignKey
ALTER TABLE "public"."personas" DROP CONSTRAINT "personas_person_id_fkey";

-- DropForeignKey
ALTER TABLE "public"."personas" DROP CONSTRAINT "personas_brand_id_fkey";

-- DropForeignKey
ALTER TABLE "public"."role_grants" DROP CONSTRAINT "role_grants_person_id_fkey";

-- DropForeignKey
ALTER TABLE "public"."role_grants" DROP CONSTRAINT "role_grants_brand_id_fkey";

-- DropForeignKey
ALTER TABLE "public"."sessions" DROP CONSTRAINT "sessions_person_id_fkey";

-- DropTable
DROP TABLE "public"."brands";

-- DropTable
DROP TABLE "public"."people";

-- DropTable
DROP TABLE "public"."personas";

-- DropTable
DROP TABLE "public"."role_grants";

-- DropTable
DROP TABLE "public"."sessions";

-- DropTable
DROP TABLE "public"."audit_logs";

-- DropTable
DROP TABLE "public"."platform_checks";

-- DropTable
DROP TABLE "public"."ops_probes";

-- DropEnum
DROP TYPE "public"."persona_kind";

-- DropEnum
DROP TYPE "public"."role";

-- DropEnum
DROP TYPE "public"."check_status";
