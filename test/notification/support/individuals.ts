import type { Individual } from '../../../src/notification/population/individual';

const address = { lines: ['12 Elm St'], city: 'Boston', region: 'MA', postalCode: '02115', country: 'US' };

/** An invented individual reachable by every channel; override to take contact details away. */
export function individual(n: number, overrides: Partial<Individual> = {}): Individual {
  return {
    id: `pat-${n}`,
    name: `Patient ${n}`,
    language: n % 3 === 0 ? 'es' : 'en',
    email: `patient${n}@example.test`,
    emailConsent: true,
    mobile: `+1617555${String(n % 10_000).padStart(4, '0')}`,
    address,
    deceased: false,
    ...overrides,
  };
}

export const sampleAddress = address;
