import type { GenerateOptions } from './options';
import { Random } from './random';
import type { StaffProfile } from './staff';
import { HOUR_MS, weekdayOf, zonedInstant } from './time-zone';

/** Sick days, leave and training: the share of scheduled days a person does not work. */
const ABSENCE_RATE = 0.04;

export type ScheduleOptions = Pick<GenerateOptions, 'seed' | 'start' | 'timeZone'>;

export interface ShiftWindow {
  /** UTC epoch milliseconds. */
  start: number;
  end: number;
}

export function isScheduled(member: StaffProfile, dayIndex: number, options: ScheduleOptions): boolean {
  return member.workdays.includes(weekdayOf(options.start, dayIndex));
}

/** Scheduled and not absent. Absence has its own stream, so scenario planning and traffic agree on it. */
export function isOnDuty(member: StaffProfile, dayIndex: number, options: ScheduleOptions): boolean {
  if (!isScheduled(member, dayIndex, options)) return false;

  return !Random.for(options.seed, 'absence', member.id, dayIndex).chance(ABSENCE_RATE);
}

/** The shift that starts on calendar day `dayIndex`, in UTC; a night shift ends on the next day. */
export function shiftWindow(member: StaffProfile, dayIndex: number, options: ScheduleOptions): ShiftWindow {
  const start = zonedInstant(options.start, dayIndex, member.shift.startHour, 0, options.timeZone);

  return { start, end: start + member.shift.hours * HOUR_MS };
}

/** Local midnight at the start of calendar day `dayIndex`: no event of that day is earlier. */
export function dayStart(dayIndex: number, options: ScheduleOptions): number {
  return zonedInstant(options.start, dayIndex, 0, 0, options.timeZone);
}
