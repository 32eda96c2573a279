/**
 * The shared-state schema, one numbered step at a time. A step is never edited once released:
 * a change is a new step. Each runs in its own transaction, recorded in shared_state_migrations.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'leases with fencing tokens',
    // One row per schedule or queue. The token only ever grows: it rises each time the lease passes
    // to a new holder, so a write carrying an older token is known to come from a deposed leader.
    sql: `
      CREATE TABLE leases (
        name        text PRIMARY KEY,
        holder      text NOT NULL,
        token       bigint NOT NULL,
        acquired_at timestamptz NOT NULL,
        expires_at  timestamptz NOT NULL
      )`,
  },
  {
    version: 2,
    name: 'idempotency records',
    // The answer a command got, kept per caller and Idempotency-Key so a retry that lands on any
    // instance is answered the same (src/http/idempotency).
    sql: `
      CREATE TABLE idempotency (
        scope      text NOT NULL,
        key        text NOT NULL,
        response   jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`,
  },
  {
    version: 3,
    name: 'data-subject keys',
    // Each key wrapped under the master key (src/privacy/key-wrapping.ts); erasure deletes the row.
    // subject_versions keeps the highest version ever made after erasure, so a number never names
    // two keys. What backups and WAL archives keep of a deleted row: README, "Personal data".
    sql: `
      CREATE TABLE subject_keys (
        subject_id text NOT NULL,
        version    integer NOT NULL,
        wrapped    bytea NOT NULL,
        PRIMARY KEY (subject_id, version)
      );
      CREATE TABLE subject_versions (
        subject_id text PRIMARY KEY,
        latest     integer NOT NULL
      )`,
  },
  {
    version: 4,
    name: 'evidence pack files',
    // One row per built pack (src/evidence/jobs/pg-pack-files.ts), with the fencing token of the
    // pack queue's lease it was written under. A ZIP is already compressed: stored EXTERNAL
    // (uncompressed, out of line), so a download reads it slice by slice without the rest.
    sql: `
      CREATE TABLE evidence_pack_files (
        pack_id       text PRIMARY KEY,
        content       bytea NOT NULL,
        bytes         integer NOT NULL,
        fencing_token bigint NOT NULL,
        kept_at       timestamptz NOT NULL DEFAULT now()
      );
      ALTER TABLE evidence_pack_files ALTER COLUMN content SET STORAGE EXTERNAL`,
  },
  {
    version: 5,
    name: 'idempotency answers kept as sent',
    // jsonb reorders an object's keys, so a retry was answered with the same fields in another
    // order: not the same bytes as the first answer. json keeps the text as it was written.
    sql: `ALTER TABLE idempotency ALTER COLUMN response TYPE json USING response::json`,
  },
  {
    version: 6,
    name: 'idempotency records found by age',
    // Answers are kept for IDEMPOTENCY_RETENTION_HOURS; the prune deletes the older ones by this index.
    sql: `CREATE INDEX idempotency_created_at ON idempotency (created_at)`,
  },
];
