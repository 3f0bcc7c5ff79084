#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded on machines without
# internet. `prisma generate` only needs the path to exist; migrations are applied by
# scripts/migrate.ts from the committed SQL instead.
echo "The Prisma schema engine is not installed; apply migrations with 'npm run db:migrate'." >&2
exit 1
