import type { Projection } from '../../projections/projection';
import type { SwitchOverHook } from './projection-worker';

/**
 * What a test may change about the projections without editing them (provided under
 * PROJECTION_OVERRIDES by a test module; production provides nothing): a projection replaced by
 * another version of itself (same name), and a hook awaited before a rebuilt version is served.
 */
export interface ProjectionOverrides {
  projections?: Projection<unknown>[];
  beforeSwitchOver?: SwitchOverHook;
}

export const PROJECTION_OVERRIDES = Symbol('PROJECTION_OVERRIDES');

/** The list the runner keeps up to date: `registered`, with each override put in place of the projection it names. */
export function withOverrides<P extends Projection<unknown>>(
  registered: readonly P[],
  overrides: ProjectionOverrides | undefined,
): Projection<unknown>[] {
  const replaced = new Map((overrides?.projections ?? []).map((p) => [p.name, p]));
  return registered.map((p) => replaced.get(p.name) ?? p);
}
