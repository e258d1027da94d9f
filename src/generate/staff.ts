import type { Random } from './random';
import {
  Department,
  Shift,
  StaffRole,
  roleShares,
  sites,
  userAgents,
  type Department as DepartmentName,
  type Shift as ShiftDefinition,
} from './vocabulary';

/** One member of staff: who they are, when and where they work. Their patient panel is added by the population. */
export interface StaffProfile {
  id: string;
  role: StaffRole;
  department: DepartmentName;
  shift: ShiftDefinition;
  /** Days of the week (0 Sunday … 6 Saturday) on which this person is scheduled. */
  workdays: readonly number[];
  /** Index into `sites`: the LAN their workstation is on. */
  site: number;
  workstationHost: number;
  userAgent: string;
  /** Chance that a working day is spent on the VPN instead of at the site. */
  remoteShare: number;
  /** Scheduled claim-batch exports per working day; zero outside billing. */
  exportsPerDay: number;
}

const WEEKDAYS = [1, 2, 3, 4, 5] as const;

/** Five consecutive days from a per-person offset: ward and emergency rotations cover the weekend. */
function rotation(offset: number): number[] {
  return [0, 1, 2, 3, 4].map((step) => (offset + step) % 7).sort((a, b) => a - b);
}

/** How many of `total` staff get each role: shares rounded by largest remainder, at least one of each. */
export function roleCounts(total: number): Record<StaffRole, number> {
  const roles = Object.keys(roleShares) as StaffRole[];
  const counts = new Map(roles.map((role) => [role, Math.max(1, Math.floor(roleShares[role] * total))]));
  const count = (role: StaffRole): number => counts.get(role) ?? 0;
  const byRemainder = [...roles].sort((a, b) => ((roleShares[b] * total) % 1) - ((roleShares[a] * total) % 1));
  const sum = (): number => roles.reduce((acc, role) => acc + count(role), 0);
  while (sum() > total) {
    const largest = roles.reduce((best, role) => (count(role) > count(best) ? role : best));
    counts.set(largest, count(largest) - 1);
  }
  for (let i = 0; sum() < total; i++) {
    const role = byRemainder[i % byRemainder.length] ?? StaffRole.nurse;
    counts.set(role, count(role) + 1);
  }

  return Object.fromEntries(counts) as Record<StaffRole, number>;
}

interface Placement {
  department: DepartmentName;
  shift: ShiftDefinition;
  workdays: readonly number[];
}

function placeClinician(role: StaffRole, random: Random, index: number): Placement {
  const department = random.weighted(
    role === StaffRole.nurse
      ? { inpatient: 0.55, emergency: 0.25, clinic: 0.2 }
      : { clinic: 0.55, inpatient: 0.2, emergency: 0.25 },
  );
  if (department === Department.clinic) return { department, shift: Shift.day, workdays: WEEKDAYS };
  const shift =
    role === StaffRole.nurse
      ? random.weighted({ dayEarly: 0.55, evening: 0.25, night: 0.2 })
      : random.weighted({ dayEarly: 0.7, evening: 0.3 });

  return { department, shift: Shift[shift], workdays: rotation(index) };
}

function place(role: StaffRole, random: Random, index: number): Placement {
  switch (role) {
    case StaffRole.physician:
    case StaffRole.nurse:
      return placeClinician(role, random, index);
    case StaffRole.frontDesk:
      return random.chance(0.2)
        ? { department: Department.emergency, shift: Shift.dayEarly, workdays: rotation(index) }
        : { department: Department.clinic, shift: Shift.day, workdays: WEEKDAYS };
    case StaffRole.billing:
    case StaffRole.admin:
      return { department: Department.office, shift: Shift.day, workdays: WEEKDAYS };
  }
}

const remoteShares: Readonly<Record<StaffRole, number>> = {
  physician: 0.03,
  nurse: 0,
  'front-desk': 0,
  billing: 0.25,
  admin: 0.15,
};

export function staffId(index: number): string {
  return `stf-${String(index + 1).padStart(4, '0')}`;
}

/** The workforce, roles shuffled across ids so that no id range belongs to one role. */
export function buildStaff(total: number, random: Random): StaffProfile[] {
  const counts = roleCounts(total);
  const roles = (Object.keys(counts) as StaffRole[]).flatMap((role) => Array<StaffRole>(counts[role]).fill(role));
  const shuffled = random.sample(roles, roles.length);

  return shuffled.map((role, index) => {
    const placement = place(role, random, index);
    // Hospital departments sit on the main campus; clinics and offices spread over the sites.
    const onCampus = placement.department === Department.inpatient || placement.department === Department.emergency;

    return {
      id: staffId(index),
      role,
      ...placement,
      site: onCampus ? 0 : random.int(0, sites.length - 1),
      workstationHost: random.int(20, 250),
      userAgent: random.pick(userAgents),
      remoteShare: remoteShares[role],
      exportsPerDay: role === StaffRole.billing ? random.int(1, 2) : 0,
    };
  });
}
