import type { Provenance } from '../obligation';
import { LAST_REVIEWED } from './types';

/**
 * GDPR Articles 33 and 34 as data; `../shared/reference/law/gdpr.md` has the
 * facts behind them. A controller with no EU establishment notifies the
 * authority of every member state where affected people are (EDPB Guidelines
 * 9/2022, updated ¶ 73), so the engine owes one notice per country.
 */
export const gdprRule = {
  provenance: {
    sources: [
      'https://eur-lex.europa.eu/eli/reg/2016/679/oj',
      'https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-92022-personal-data-breach-notification-under_en',
    ],
    lastReviewed: LAST_REVIEWED,
    confidence: 'high',
  } satisfies Provenance,

  /** Art. 33(1): 72 continuous hours after becoming aware; Reg. 1182/71 extends only periods not in hours. */
  supervisoryAuthority: { hours: 72, citation: 'GDPR Art. 33' },
  /** Art. 34(1): without undue delay, when the breach is likely to result in a high risk. */
  dataSubjects: { citation: 'GDPR Art. 34' },
  awarenessNote:
    'The 72 hours run from awareness, a reasonable certainty that personal data was compromised (EDPB 9/2022); the engine counts from determinedAt, which defaults to discoveredAt.',
} as const;

/** The EU member states and the EEA states (Iceland, Liechtenstein, Norway) that apply the GDPR. */
export const gdprCountries: readonly string[] = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE',
  'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
  'IS', 'LI', 'NO',
]; // prettier-ignore

/** How the risk assessment rated the breach for GDPR purposes. */
export const GdprRisk = { unlikely: 'unlikely', risk: 'risk', high: 'high' } as const;
export type GdprRisk = (typeof GdprRisk)[keyof typeof GdprRisk];
