# Production image: builds the TypeScript, keeps only runtime dependencies, runs as the unprivileged
# `node` user with its data on the /data volume. test/packaging/dockerfile.spec.ts checks the rules
# marked "(checked)" below, since no Docker engine runs in CI.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles its native module when no prebuilt binary matches the platform.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Not `npm ci` (checked): the lockfile lists only the build machine's per-platform optional binaries
# (@swc/core, jest's resolver), so `npm ci` refuses it; `npm install` keeps every locked version and
# adds the one binary this platform needs. package.json's allowScripts lets better-sqlite3 build.
# The second command fails the build if its native module did not.
RUN npm install --no-audit --no-fund \
 && node -e "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()"
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
COPY projections ./projections
COPY demo ./demo
COPY bench ./bench
COPY scripts ./scripts
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 LEDGER_DATA_DIR=/data
WORKDIR /app
# Code and dependencies stay root-owned: the service can read them, not change them.
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# (checked) /data exists and belongs to `node` BEFORE it is declared a volume: a new named volume
# starts as a copy of this directory, ownership included, and a root-owned /data left SQLite "unable
# to open database file". /secrets likewise, for docker-compose's generated development keys.
# A bind-mounted host directory keeps its own owner: make it writable by uid 1000.
RUN mkdir -p /data /secrets && chown node:node /data /secrets && chmod 0700 /data /secrets
VOLUME /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/service.js"]
