-- Art. 15(4) GDPR: other people's data found in a subject's free text, held for a reviewer (issue #19).
-- AlterEnum
ALTER TYPE "RequestStatus" ADD VALUE 'RELEASE_REVIEW' AFTER 'COLLECTING';

-- CreateEnum
CREATE TYPE "DisclosureKind" AS ENUM ('EMAIL', 'PHONE', 'NAME');

-- CreateEnum
CREATE TYPE "DisclosureDecision" AS ENUM ('PENDING', 'REDACT', 'KEEP');

-- CreateTable
CREATE TABLE "DisclosureFinding" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "recordIndex" INTEGER NOT NULL,
    "path" TEXT NOT NULL,
    "kind" "DisclosureKind" NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "matched" TEXT NOT NULL,
    "before" TEXT NOT NULL,
    "after" TEXT NOT NULL,
    "decision" "DisclosureDecision" NOT NULL DEFAULT 'PENDING',
    "reason" TEXT,
    "reviewerId" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DisclosureFinding_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DisclosureFinding_requestId_sourceKey_recordIndex_idx" ON "DisclosureFinding"("requestId", "sourceKey", "recordIndex");

-- AddForeignKey
ALTER TABLE "DisclosureFinding" ADD CONSTRAINT "DisclosureFinding_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "PrivacyRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureFinding" ADD CONSTRAINT "DisclosureFinding_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
