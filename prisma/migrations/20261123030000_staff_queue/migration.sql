-- The staff queue (app/admin/page.tsx, lib/dal/staff-queue.ts) orders requests by the deadline
-- that applies, the extended one when there is one, and pages through them by keyset
-- (due, id). Prisma's schema cannot declare expression indexes, so they live only here; the
-- schema-agreement test checks the declared indexes, and these come on top.

-- Every request, nearest deadline first (the "all" and search views).
CREATE INDEX "PrivacyRequest_effectiveDue_id_idx" ON "PrivacyRequest" ((COALESCE("extendedDueAt", "dueAt")), "id");

-- Filtered by status (one, or the open ones: a bitmap over a few index ranges, then a top-N
-- sort of what is still open, a small part of a long history), nearest deadline first.
CREATE INDEX "PrivacyRequest_status_effectiveDue_id_idx" ON "PrivacyRequest" ("status", (COALESCE("extendedDueAt", "dueAt")), "id");

