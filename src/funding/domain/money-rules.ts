import { assertPence, type Pence } from '../../shared/money';
import { RuleViolation } from '../../shared/domain-errors';

/**
 * The domain's own guard on money. The HTTP edge already refuses fractional and negative
 * amounts (400); this catches any other caller (demo loader, scripts) with a 422 and a stable
 * code, because assertPence's RangeError would otherwise surface as a 500.
 */
export function requirePence(value: number, field: string, { positive = false } = {}): Pence {
  try {
    assertPence(value, field);
  } catch {
    throw new RuleViolation('invalid-money', `${field} must be a whole number of pence`, { field });
  }
  if (value < 0) throw new RuleViolation('invalid-money', `${field} must not be negative`, { field });
  if (positive && value === 0)
    throw new RuleViolation('amount-not-positive', `${field} must be more than zero`, { field });
  return value;
}
