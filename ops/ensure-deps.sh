#!/bin/sh
# Installs npm dependencies when package-lock.json changed since the last install, and generates the Prisma client.
# Used by `npm start` and `npm test`, so a fresh clone needs no other step.
set -eu
cd "$(dirname "$0")/.."
stamp=node_modules/.fanz-lock-hash
want=$(sha1sum package-lock.json | cut -c1-40)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "[deps] installing npm packages…"
  # npm ci rejects this lock: the registry mirror omits some optional platform packages (@swc/core-*) it lists
  npm install --no-audit --no-fund --no-save --loglevel=error
  echo "$want" > "$stamp"
fi
if [ ! -f generated/prisma/client.ts ] || [ prisma/schema.prisma -nt generated/prisma/client.ts ]; then
  PRISMA_SCHEMA_ENGINE_BINARY=/bin/false node_modules/.bin/prisma generate >/dev/null
  echo "[deps] generated the Prisma client"
fi
