/**
 * Who owns an action. Minutes name people, whole agencies and teams ("WS Business Team", "All");
 * owners need not be on the meeting's attendance list.
 */
export const OWNER_KINDS = ['person', 'partner', 'team'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

export type ActionOwner =
  { kind: 'person'; personId: string } | { kind: 'partner'; partnerId: string } | { kind: 'team'; name: string };

/**
 * The partner a person owner represented when an action's owners were set (raised or reassigned):
 * ownership by agency follows the person's partner at that time, not where they work now.
 */
export interface OwnerPartner {
  personId: string;
  partnerId: string;
}

/** The owner's id, or a team's name as written. */
export function ownerName(owner: ActionOwner): string {
  switch (owner.kind) {
    case 'person':
      return owner.personId;
    case 'partner':
      return owner.partnerId;
    case 'team':
      return owner.name;
  }
}

/** How an owner reads in summaries, CSVs and the owner filter: `kind:id`, a team's name as written. */
export const ownerLabel = (owner: ActionOwner): string => `${owner.kind}:${ownerName(owner)}`;

/**
 * One key per owner, so duplicates and "same owners" are compared by value: the label, with a
 * team's name trimmed and lower-cased ("WS Business Team " and "ws business team" are one team).
 */
export const ownerKey = (owner: ActionOwner): string =>
  owner.kind === 'team' ? ownerLabel({ kind: 'team', name: owner.name.trim().toLowerCase() }) : ownerLabel(owner);

/** The owners that are references to other aggregates (people and partners), as category and id. */
export function ownerReferences(owners: ActionOwner[]): { category: 'person' | 'partner'; id: string }[] {
  return owners.flatMap((o): { category: 'person' | 'partner'; id: string }[] =>
    o.kind === 'person'
      ? [{ category: 'person', id: o.personId }]
      : o.kind === 'partner'
        ? [{ category: 'partner', id: o.partnerId }]
        : [],
  );
}

export function sameOwners(a: ActionOwner[], b: ActionOwner[]): boolean {
  const keys = (owners: ActionOwner[]) => [...new Set(owners.map(ownerKey))].sort().join('\n');
  return keys(a) === keys(b);
}
