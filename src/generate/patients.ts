import type { Random } from './random';
import type { StaffProfile } from './staff';
import { StaffRole, sites } from './vocabulary';

/**
 * Patients are plain indices 0 … n-1, named `pat-000001` and up, each
 * registered at one site. A staff member's panel (their care team's
 * patients) is drawn from the patients of their own site.
 */

/** Why a chart is sensitive enough that opening it without a care relationship deserves a look. */
export const PatientFlag = {
  vip: 'vip',
  employee: 'employee',
} as const;
export type PatientFlag = (typeof PatientFlag)[keyof typeof PatientFlag];

export interface FlaggedPatient {
  patient_id: string;
  flag: PatientFlag;
  /**
   * The staff whose panel holds the patient: the chart's treatment team as
   * the platform's own records give it, which a detection needs to tell the
   * care team's reads from anyone else's.
   */
  care_team: string[];
}

export function patientId(index: number): string {
  return `pat-${String(index + 1).padStart(6, '0')}`;
}

export function siteOfPatient(index: number): number {
  return index % sites.length;
}

/** A handful: one per 2,500 patients, between 4 and 12. */
export function flaggedCount(patients: number): number {
  return Math.min(12, Math.max(4, Math.round(patients / 2500)));
}

export function pickFlagged(patients: number, random: Random): number[] {
  const chosen = new Set<number>();
  while (chosen.size < flaggedCount(patients)) chosen.add(random.int(0, patients - 1));

  return [...chosen].sort((a, b) => a - b);
}

/** Panel sizes by role: a physician's panel, a nurse's unit, a desk's or billing team's whole site share. */
const panelSizes: Readonly<Record<StaffRole, readonly [number, number]>> = {
  physician: [180, 380],
  nurse: [60, 160],
  'front-desk': [400, 1200],
  billing: [600, 1600],
  admin: [80, 240],
};

/** The patient indices registered at each site, built once and shared by every panel draw. */
export function patientsBySite(patients: number): number[][] {
  const bySite: number[][] = sites.map(() => []);
  for (let index = 0; index < patients; index++) bySite[siteOfPatient(index)]?.push(index);

  return bySite;
}

/** At most 60% of a site's patients, so that every panel leaves plenty of patients outside it. */
export function drawPanel(member: StaffProfile, bySite: readonly number[][], random: Random): number[] {
  const pool = bySite[member.site] ?? [];
  const [min, max] = panelSizes[member.role];
  const size = Math.min(random.int(min, max), Math.floor(pool.length * 0.6));

  return random.sample(pool, size).sort((a, b) => a - b);
}

/** A patient outside the panel and not flagged, or undefined after a bounded search in a tiny population. */
export function drawOffPanel(
  patients: number,
  panel: ReadonlySet<number>,
  flagged: ReadonlySet<number>,
  random: Random,
): number | undefined {
  for (let attempt = 0; attempt < 64; attempt++) {
    const candidate = random.int(0, patients - 1);
    if (!panel.has(candidate) && !flagged.has(candidate)) return candidate;
  }

  return undefined;
}
