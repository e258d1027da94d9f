import type { GenerateOptions } from './options';
import { PatientFlag, drawPanel, patientId, patientsBySite, pickFlagged, type FlaggedPatient } from './patients';
import { Random } from './random';
import { buildStaff, type StaffProfile } from './staff';

/** A staff member with their panel: the patients their care team looks after. */
export interface StaffMember extends StaffProfile {
  panel: readonly number[];
  panelSet: ReadonlySet<number>;
}

/** Everyone in the simulated practice. Built from the seed alone, so tests can rebuild it to check the traffic. */
export interface Population {
  staff: readonly StaffMember[];
  patientCount: number;
  flagged: readonly FlaggedPatient[];
  flaggedIndices: ReadonlySet<number>;
}

export function buildPopulation(options: Pick<GenerateOptions, 'seed' | 'staff' | 'patients'>): Population {
  const profiles = buildStaff(options.staff, Random.for(options.seed, 'staff'));
  const bySite = patientsBySite(options.patients);
  const staff = profiles.map((profile) => {
    const panel = drawPanel(profile, bySite, Random.for(options.seed, 'panel', profile.id));

    return { ...profile, panel, panelSet: new Set(panel) };
  });
  const flaggedIndices = pickFlagged(options.patients, Random.for(options.seed, 'flagged'));
  const flagged = flaggedIndices.map((index, order) => ({
    patient_id: patientId(index),
    flag: order % 2 === 0 ? PatientFlag.vip : PatientFlag.employee,
    care_team: staff.filter((member) => member.panelSet.has(index)).map((member) => member.id),
  }));

  return { staff, patientCount: options.patients, flagged, flaggedIndices: new Set(flaggedIndices) };
}
