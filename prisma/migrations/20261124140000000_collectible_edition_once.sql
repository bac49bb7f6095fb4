-- Up Migration
-- one live edition per media item, whatever two concurrent requests do (refused and failed ones do not count)
CREATE UNIQUE INDEX "collectible_editions_one_per_media" ON "collectible_editions" ("media_id") WHERE "status" NOT IN ('REFUSED', 'FAILED');

-- Down Migration
DROP INDEX "collectible_editions_one_per_media";
