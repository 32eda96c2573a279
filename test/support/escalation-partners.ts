/** The partners the escalation examples name: the council raises, the ICB and the police are raised about. */
export const ESCALATION_PARTNERS = [
  { partnerId: 'warwickshire-cc', name: 'Warwickshire County Council', kind: 'local-authority' },
  { partnerId: 'cw-icb', name: 'Coventry and Warwickshire ICB', kind: 'health' },
  { partnerId: 'warwickshire-police', name: 'Warwickshire Police', kind: 'police' },
] as const;
