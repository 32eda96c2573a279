/**
 * A commit refused by the compare-and-set: the batch was applied from `expected`, but another
 * runner on the same file (a second process, or a second app in this one) has committed since and
 * the stored checkpoint is `stored`. Nothing was written; the batch must be dropped and the events
 * re-applied from the stored checkpoint, or they would count twice.
 */
export class CheckpointMovedError extends Error {
  constructor(
    readonly projection: string,
    readonly expected: Checkpoint,
    readonly stored: Checkpoint | undefined,
  ) {
    const show = (c: Checkpoint | undefined) => (c ? `version ${c.version} at ${c.position ?? 'the start'}` : 'none');
    super(
      `Read model ${projection} was committed by another runner: batch from ${show(expected)}, stored ${show(stored)}`,
    );
  }
}

/** Where a projection has got to: the version that wrote its documents and the last position applied. */
export interface Checkpoint {
  version: number;
  /** Undefined before the first event: read from the start of the log. */
  position: number | undefined;
}

const BUILDING = '@building-v';

/**
 * Where a new version of `projection` builds beside the served one (blue-green): its own documents,
 * checkpoint and snapshot layers under this name, until switchOver puts them in the served name's place.
 */
export function buildingName(projection: string, version: number): string {
  return `${projection}${BUILDING}${version}`;
}

/** The served projection a name belongs to (itself, or the one a build under buildingName replaces). */
export function servedName(name: string): string {
  const at = name.indexOf(BUILDING);
  return at < 0 ? name : name.slice(0, at);
}
