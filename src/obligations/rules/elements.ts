import type { DataElement } from '../facts';

/**
 * The elements nearly every statute lists, with the person's name: SSN,
 * driver's licence or state ID, and a financial account or card number (most
 * statutes add "with any code needed to use it"; we count the number alone,
 * as the stricter reading).
 */
export const CORE_ELEMENTS: readonly DataElement[] = [
  'ssn',
  'drivers-license',
  'state-id',
  'financial-account',
  'payment-card',
];

/** Medical and health-insurance information count only where a statute lists them. */
export const HEALTH_ELEMENTS: readonly DataElement[] = ['medical', 'health-insurance'];

export const ONLINE_CREDENTIALS: readonly DataElement[] = ['credentials'];
