-- The deflated data files a collect step staged, with what the archive needs of each (issue #11).
-- AlterTable
ALTER TABLE "RequestSource" ADD COLUMN "stagedFiles" JSONB;
