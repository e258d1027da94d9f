import { CORE_ELEMENTS } from '../elements';
import { LAST_REVIEWED, afterIndividuals, hours, withoutUnreasonableDelay, type StateRule } from '../types';

/** Minnesota data warehouses; notice of breach statute. */
export const minnesota: StateRule = {
  jurisdiction: 'US-MN',
  name: 'Minnesota',
  citation: 'Minn. Stat. § 325E.61',
  effectiveFrom: '2006-01-01',
  sources: [
    'https://dwt.com/gcp/states/minnesota',
    'https://www.cliclaw.com/legal-compliance/data-breach-data-security-compliance-solutions/resources-data-breach-laws/minnesota',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  personalInformation: { withName: CORE_ELEMENTS, alone: [] },
  encryptionSafeHarbor: true,
  hipaa: { effect: 'none', note: 'No HIPAA carve-out.' },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [],
  consumerReportingAgencies: {
    atLeast: 501,
    deadline: afterIndividuals(hours(48)),
    note: 'Within 48 hours of the notice to individuals.',
  },
};
