/**
 * The signoffs context's public surface: the only file other contexts and layers import from it
 * (checked by .dependency-cruiser.cjs). Its Nest module is imported by the composition root alone
 * (src/contexts.ts), so importing this surface never loads the context's controllers and handlers.
 */
export { Signoff } from './domain/signoff';
export { ARTEFACT_KINDS } from './domain/signoff.messages';
export type { ArtefactVersion, SignoffCommand, SignoffEvent, SignoffState } from './domain/signoff.messages';
