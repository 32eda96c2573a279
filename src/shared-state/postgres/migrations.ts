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
];
