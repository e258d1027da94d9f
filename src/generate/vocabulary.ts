/** The fixed words of the simulated practice: roles, shifts, resources and where staff connect from. */

export const StaffRole = {
  physician: 'physician',
  nurse: 'nurse',
  frontDesk: 'front-desk',
  billing: 'billing',
  admin: 'admin',
} as const;
export type StaffRole = (typeof StaffRole)[keyof typeof StaffRole];

/** Share of each role in the workforce, roughly an outpatient group with an emergency department. */
export const roleShares: Readonly<Record<StaffRole, number>> = {
  physician: 0.2,
  nurse: 0.4,
  'front-desk': 0.16,
  billing: 0.14,
  admin: 0.1,
};

/** Shifts in local wall-clock hours; a shift may run past midnight into the next calendar day. */
export const Shift = {
  dayEarly: { name: 'day-early', startHour: 7, hours: 8 },
  day: { name: 'day', startHour: 8, hours: 9 },
  evening: { name: 'evening', startHour: 15, hours: 8 },
  night: { name: 'night', startHour: 23, hours: 8 },
} as const;
export type Shift = (typeof Shift)[keyof typeof Shift];
export type ShiftName = Shift['name'];

export function isDayShift(shift: Shift): boolean {
  return shift.name === Shift.dayEarly.name || shift.name === Shift.day.name;
}

export const Department = {
  clinic: 'clinic',
  inpatient: 'inpatient',
  emergency: 'emergency',
  office: 'office',
} as const;
export type Department = (typeof Department)[keyof typeof Department];

/** FHIR resource types the platform audits, plus `Session` for logins and `User` for account administration. */
export const ResourceType = {
  patient: 'Patient',
  encounter: 'Encounter',
  observation: 'Observation',
  medicationRequest: 'MedicationRequest',
  documentReference: 'DocumentReference',
  claim: 'Claim',
  session: 'Session',
  user: 'User',
} as const;
export type ResourceType = (typeof ResourceType)[keyof typeof ResourceType];

/** A /24 network written as its first three octets. */
export interface Network {
  name: string;
  prefix: string;
}

/** The sites' LANs and the VPN pool: the networks a user's traffic normally comes from. */
export const sites: readonly Network[] = [
  { name: 'main-campus', prefix: '10.41.12' },
  { name: 'north-clinic', prefix: '10.41.27' },
  { name: 'riverside', prefix: '10.52.3' },
];
export const vpnNetwork: Network = { name: 'vpn', prefix: '172.20.8' };

/**
 * Networks no staff member uses in baseline traffic, for scenarios. They are
 * the RFC 5737 documentation ranges, so generated data never names a real host.
 */
export const unusualNetworks = {
  offHours: { name: 'unknown-residential', prefix: '198.51.100' },
  newNetwork: { name: 'unknown-hosting', prefix: '203.0.113' },
  bruteForce: { name: 'unknown-proxy', prefix: '192.0.2' },
} as const satisfies Record<string, Network>;

export function hostIn(network: Network, host: number): string {
  return `${network.prefix}.${host}`;
}

export const userAgents: readonly string[] = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (iPad; CPU OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
];
