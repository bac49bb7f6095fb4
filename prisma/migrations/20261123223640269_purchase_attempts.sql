-- Up Migration
-- DropIndex
DROP INDEX "purchases_workflow_id_key";

-- CreateIndex
CREATE INDEX "purchases_workflow_id_idx" ON "purchases"("workflow_id");

-- Down Migration
-- DropIndex
DROP INDEX "purchases_workflow_id_idx";

-- CreateIndex
CREATE UNIQUE INDEX "purchases_workflow_id_key" ON "purchases"("workflow_id");
