-- CreateIndex
CREATE INDEX "JobRun_status_updatedAt_idx" ON "JobRun"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "JobCronTick_tickAt_idx" ON "JobCronTick"("tickAt");
