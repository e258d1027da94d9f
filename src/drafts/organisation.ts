/** Who a draft speaks for and whom readers contact: supplied by the organisation, never derived from facts. */

export interface PostalAddress {
  lines: readonly string[];
  city: string;
  /** A state or region name or code, as it is written on an envelope. */
  region: string;
  postalCode: string;
  country?: string;
}

export interface Contact {
  name: string;
  title?: string;
  email?: string;
  phone?: string;
}

export interface Organisation {
  name: string;
  address?: PostalAddress;
  contact?: Contact;
  website?: string;
  /** A toll-free number for questions, as 45 CFR 164.404(c)(1)(E) and substitute notice ask for. */
  tollFreePhone?: string;
}

/** What the organisation says about the incident, in its own words, for the notices that tell people. */
export interface IncidentNarrative {
  /** What happened and how, in plain language; no patient details. */
  whatHappened: string;
  /** What the organisation is doing to investigate, mitigate harm and protect against further breaches. */
  measuresTaken: readonly string[];
  /** What people can do to protect themselves. */
  stepsForIndividuals: readonly string[];
}
