-- Up Migration
-- CreateIndex
CREATE UNIQUE INDEX "media_performers_media_id_person_id_key" ON "media_performers"("media_id", "person_id");

-- Down Migration
-- DropIndex
DROP INDEX "media_performers_media_id_person_id_key";
