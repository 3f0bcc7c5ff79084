-- AlterTable
ALTER TABLE "User" ADD COLUMN "locale" TEXT;

-- AlterTable
ALTER TABLE "PrivacyRequest" ADD COLUMN "locale" TEXT;
