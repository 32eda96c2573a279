/** One version of a data subject's key, unwrapped: held in memory only as long as a seal or a reveal needs it. */
export interface SubjectKey {
  subjectId: string;
  version: number;
  key: Buffer;
}

/**
 * Where data subjects' keys live: beside the ledger in SQLite (one instance, the default) or in the
 * shared PostgreSQL (SHARED_STATE=postgres), so a subject sealed through one instance is revealed on
 * every other, and an erasure through any instance destroys the one copy all of them read.
 */
export interface SubjectKeys {
  /**
   * Whether an unwrapped key may be kept in memory between requests: only when this instance is the
   * only one that destroys keys (embedded). Shared keys are read afresh for every request, so an
   * erasure through another instance is seen at once.
   */
  readonly cacheable: boolean;
  /** The subject's newest live key, made (version latest+1) when it has none. */
  current(subjectId: string): Promise<SubjectKey>;
  /** A new key version: for a rectification, so the superseded value can be erased on its own. */
  rotate(subjectId: string): Promise<SubjectKey>;
  /** The keys of these versions that still exist, by keyRef; a destroyed (or never made) one is absent. */
  getMany(refs: readonly KeyRef[]): Promise<Map<string, Buffer>>;
  /** Versions whose keys still exist, oldest first. */
  liveVersions(subjectId: string): Promise<number[]>;
  /** Destroys one version, or all; returns the versions destroyed. Destroying what is gone is a no-op. */
  destroy(subjectId: string, version?: number): Promise<number[]>;
  /** For /health: proves the store can write, changing nothing. */
  probe(): Promise<void>;
  close(): Promise<void>;
}

export interface KeyRef {
  subjectId: string;
  version: number;
}

/** One key version's name in maps and caches. */
export const keyRef = (subjectId: string, version: number): string => `${subjectId}\n${version}`;

export const SUBJECT_KEYS = Symbol('SUBJECT_KEYS');
