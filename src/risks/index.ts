/**
 * The risks context's public surface: the only file other contexts and layers import from it
 * (checked by .dependency-cruiser.cjs). Its Nest module is imported by the composition root alone
 * (src/contexts.ts), so importing this surface never loads the context's controllers and handlers.
 */
export { Risk } from './domain/risk';
export {
  MAX_RATING,
  MIN_RATING,
  RISK_CATEGORIES,
  type RiskCategory,
  type RiskCommand,
  type RiskEvent,
  type RiskState,
} from './domain/risk.messages';
