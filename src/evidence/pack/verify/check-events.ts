import { ChainVerifier } from '../../../ledger/integrity/chain-verifier';
import type { StoredEvent } from '../../../ledger/event-envelope';
import type { PackProblem } from './pack-problem';
import { EVENTS_FILE } from '../formats/pack-files';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;

/** Why a parsed line is not a stored event envelope, or undefined when it is one. */
export function envelopeProblem(v: unknown): string | undefined {
  if (!isObject(v)) return 'not a JSON object';
  for (const key of ['id', 'streamId', 'type'] as const)
    if (typeof v[key] !== 'string') return `${key} is not a string`;
  for (const key of ['revision', 'position', 'schemaVersion'] as const)
    if (!isInt(v[key])) return `${key} is not a non-negative integer`;
  const m = v.metadata;
  if (!isObject(m) || typeof m.occurredAt !== 'string' || typeof m.recordedAt !== 'string' || !isObject(m.actor))
    return 'metadata is missing occurredAt, recordedAt or actor';
  const i = v.integrity;
  if (!isObject(i) || typeof i.prevHash !== 'string' || typeof i.hash !== 'string')
    return 'integrity is missing prevHash or hash';
  return undefined;
}

/**
 * Checks events.ndjson line by line as it streams: each line an event envelope, positions strictly
 * increasing, every stream starting at revision 0 with no gap, and each stream's hash chain
 * (ChainVerifier: the hash recomputed over the canonical envelope, and linked to the one before).
 * Valid events are handed on (to recompute the CSVs).
 */
export class EventLinesChecker {
  readonly problems: PackProblem[] = [];
  private readonly chain = new ChainVerifier();
  private readonly nextRevision = new Map<string, number>();
  private readonly lineOfPosition = new Map<number, number>();
  private line = 0;
  private lastPosition = -1;
  first: number | null = null;
  last: number | null = null;
  count = 0;

  constructor(private readonly onEvent: (e: StoredEvent) => void) {}

  checkLine(text: string): void {
    this.line++;
    if (text === '') return this.fail('empty line');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return this.fail('not valid JSON');
    }
    const why = envelopeProblem(parsed);
    if (why) return this.fail(`not a stored event: ${why}`);
    const e = parsed as StoredEvent;
    const at = { eventId: e.id, streamId: e.streamId, revision: e.revision, line: this.line };
    if (e.position <= this.lastPosition)
      this.problems.push({
        file: EVENTS_FILE,
        ...at,
        message: `position ${e.position} does not follow ${this.lastPosition}: positions must strictly increase`,
      });
    const expected = this.nextRevision.get(e.streamId) ?? 0;
    if (e.revision !== expected) {
      const message =
        expected === 0
          ? `stream ${e.streamId} starts at revision ${e.revision}, not 0`
          : `revision ${e.revision} follows ${expected - 1} in ${e.streamId}: revisions ${expected}..${e.revision - 1} are missing or out of order`;
      this.problems.push({ file: EVENTS_FILE, ...at, message });
    }
    this.nextRevision.set(e.streamId, Math.max(expected, e.revision + 1));
    this.lastPosition = Math.max(this.lastPosition, e.position);
    this.lineOfPosition.set(e.position, this.line);
    this.chain.check(e);
    this.first ??= e.position;
    this.last = e.position;
    this.count++;
    this.onEvent(e);
  }

  /** Chain problems, named by event and line, once every line has been read. */
  finish(): PackProblem[] {
    for (const p of this.chain.report().problems) {
      this.problems.push({
        file: EVENTS_FILE,
        eventId: p.eventId,
        streamId: p.streamId,
        revision: p.revision,
        line: this.lineOfPosition.get(p.position),
        message: `hash chain ${p.kind}: ${p.message}`,
      });
    }
    return this.problems;
  }

  private fail(message: string): void {
    this.problems.push({ file: EVENTS_FILE, line: this.line, message });
  }
}
