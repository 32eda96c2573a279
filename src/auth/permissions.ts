/**
 * Roles and what each may do: the one place access is defined. Endpoints name a permission
 * with @Requires; the guard checks it against the verified token's role.
 */
export const ROLES = [
  'chair',
  'business-manager',
  'partner-representative',
  'member',
  'auditor',
  'inspector',
  'data-protection-officer',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'partners:manage', // register, rename, succeed partners; people; boards; escalation protocols
  'meetings:record', // schedule, attendance, agenda, minutes approval, close
  'decisions:record',
  'signoffs:request',
  'signoffs:sign', // sign or withdraw for an agency (partner representatives: their own agency only)
  'actions:manage',
  'actions:update', // note progress on or complete an action (for an action their own agency owns: agency-rules.ts)
  'escalations:raise',
  'escalations:respond', // acknowledge (the concerning agency), respond (either party, for itself)
  'escalations:manage', // escalate a stage, resolve, close
  'case-reviews:manage', // the case review register: notifications, rapid reviews, CSPRs, publication, learning
  'inspections:manage', // inspections of partner agencies, their recommendations, updates, RAG status, closure
  'assurance:manage', // thematic reviews with per-partner plans; multi-agency audits, their returns and findings
  'risks:manage', // the risk register: risks, scores over time, controls, reviews, escalation to a board, closure
  'forward-plan:manage', // a board's forward plan: items planned for a meeting or month, moved, dropped, taken
  'funding:manage', // budgets, payments received, underwriting agreements
  'funding:pledge', // pledge, amend or withdraw (partner representatives: their own agency only)
  'ledger:read', // read streams and verify the chain
  'ledger:digest', // record a signed digest of the log head on demand
  'packs:request', // request evidence packs and see every pack
  'packs:grant', // grant or revoke a named inspector's access to one pack
  'packs:read-granted', // list and download only the packs granted to you, until their expiry
  'packs:access-log', // read who was granted, revoked and downloaded which pack
  'personal-data:erase', // destroy a data subject's keys (UK GDPR erasure); recorded, irreversible
  'personal-data:read', // the data subjects register (values in clear only to personal-data-readers.ts's roles)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const SECRETARIAT: Permission[] = [
  'meetings:record',
  'decisions:record',
  'signoffs:request',
  'actions:manage',
  'actions:update',
  'escalations:raise',
  'escalations:manage',
  'case-reviews:manage',
  'inspections:manage',
  'assurance:manage',
  'risks:manage',
  'forward-plan:manage',
  'funding:manage',
  'ledger:read',
  'packs:request',
  'packs:grant',
  'packs:access-log',
  'personal-data:read',
];

/** Which roles may send what; for which agencies is decided per command in agency-rules.ts. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  chair: [...SECRETARIAT, 'signoffs:sign', 'escalations:respond'],
  'business-manager': SECRETARIAT,
  'partner-representative': [
    'signoffs:sign',
    'funding:pledge',
    'escalations:raise',
    'escalations:respond',
    'actions:update',
    'ledger:read',
  ],
  member: ['actions:update', 'escalations:raise', 'ledger:read'],
  auditor: ['ledger:read', 'packs:request', 'packs:grant', 'packs:access-log', 'personal-data:read'],
  // Inspectors see only the evidence packs granted to them (and those packs' access log), nothing else.
  inspector: ['packs:read-granted', 'packs:access-log'],
  'data-protection-officer': ['packs:access-log', 'personal-data:erase', 'personal-data:read'],
  admin: ['partners:manage', 'ledger:read', 'ledger:digest'],
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function allows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
