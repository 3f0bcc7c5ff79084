-- AlterEnum
ALTER TYPE "IdentityMethod" ADD VALUE 'AGENT_MANDATE';

-- CreateEnum
CREATE TYPE "MandateRelationship" AS ENUM ('PARENT_OR_GUARDIAN', 'LAWYER', 'AUTHORISED_AGENT', 'OTHER');

-- AlterTable
ALTER TABLE "PrivacyRequest" ADD COLUMN "byAgent" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "RequestMandate" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "agentUserId" TEXT NOT NULL,
    "subjectEmail" TEXT NOT NULL,
    "relationship" "MandateRelationship" NOT NULL,
    "storageKey" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "subjectNotifiedAt" TIMESTAMP(3),
    "objectedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "RequestMandate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RequestMandate_requestId_key" ON "RequestMandate"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "RequestMandate_storageKey_key" ON "RequestMandate"("storageKey");

-- CreateIndex
CREATE INDEX "RequestMandate_agentUserId_createdAt_idx" ON "RequestMandate"("agentUserId", "createdAt");

-- CreateIndex
CREATE INDEX "RequestMandate_subjectEmail_idx" ON "RequestMandate"("subjectEmail");

-- AddForeignKey
ALTER TABLE "RequestMandate" ADD CONSTRAINT "RequestMandate_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "PrivacyRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestMandate" ADD CONSTRAINT "RequestMandate_agentUserId_fkey" FOREIGN KEY ("agentUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
