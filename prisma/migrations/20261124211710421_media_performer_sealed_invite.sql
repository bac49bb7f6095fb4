-- Up Migration
-- AlterTable
ALTER TABLE "media_performers" ADD COLUMN     "email_sealed" TEXT;

-- Down Migration
-- AlterTable
ALTER TABLE "media_performers" DROP COLUMN "email_sealed";
