import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addCalendarDays,
  addHours,
  civilDateOf,
  endOfCivilDay,
  isBusinessDay,
} from '../../src/obligations';

describe('civil dates in the entity zone', () => {
  it('reads an instant on the civil day of the zone, not of UTC', () => {
    // 23:30 EDT on 15 June is 03:30 UTC on 16 June.
    expect(civilDateOf('2026-06-16T03:30:00Z', 'America/New_York')).toBe('2026-06-15');
    expect(civilDateOf('2026-06-15T23:30:00-04:00', 'America/New_York')).toBe('2026-06-15');
    expect(civilDateOf('2026-06-15T23:30:00-04:00', 'Europe/Berlin')).toBe('2026-06-16');
  });

  it('counts calendar days over leap days and year ends', () => {
    // 2028-02-29 + 1 = 03-01; 2027-12-31 + 60: Jan 31 (31) + Feb 29 (60) = 2028-02-29.
    expect(addCalendarDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addCalendarDays('2027-12-31', 60)).toBe('2028-02-29');
    expect(addCalendarDays('2026-12-31', 60)).toBe('2027-03-01');
  });

  it('ends a civil day at local midnight whether the day has 23 or 25 hours', () => {
    // 8 March 2026 (spring forward) ends 23:59:59.999 EDT = 03:59:59.999Z on the 9th;
    // 1 November 2026 (fall back) ends 23:59:59.999 EST = 04:59:59.999Z on the 2nd.
    expect(endOfCivilDay('2026-03-08', 'America/New_York').toUTC().toISO()).toBe('2026-03-09T03:59:59.999Z');
    expect(endOfCivilDay('2026-11-01', 'America/New_York').toUTC().toISO()).toBe('2026-11-02T04:59:59.999Z');
  });

  it('counts hours as absolute time across a clock change', () => {
    expect(addHours('2026-03-28T10:00:00+01:00', 72)).toBe('2026-03-31T09:00:00.000Z');
  });
});

describe('business days', () => {
  it("skips weekends and the jurisdiction's own public holidays", () => {
    expect(isBusinessDay('2026-03-03', 'US-VT')).toBe(false); // Town Meeting Day, Vermont only
    expect(isBusinessDay('2026-03-03', 'US-TX')).toBe(true);
    expect(isBusinessDay('2026-04-20', 'US-ME')).toBe(false); // Patriots' Day
    expect(isBusinessDay('2026-03-07', 'US-TX')).toBe(false); // Saturday
  });

  it('starts counting on the next business day when the start is a weekend', () => {
    // Saturday 2026-03-07: Mon 9 (1), 10, 11, 12, Fri 13 (5).
    expect(addBusinessDays('2026-03-07', 5, 'US-TX')).toBe('2026-03-13');
    // Saturday 2026-02-28 in Vermont: Mon 2 Mar (1), Tue 3 is Town Meeting Day, Wed 4 (2) ... Fri 20 (14).
    expect(addBusinessDays('2026-02-28', 14, 'US-VT')).toBe('2026-03-20');
    expect(addBusinessDays('2026-02-28', 14, 'US-TX')).toBe('2026-03-19');
  });

  it('uses the territories’ own calendars', () => {
    // 6 January (Three Kings Day) is a public holiday in Puerto Rico, not in the states.
    expect(isBusinessDay('2026-01-06', 'US-PR')).toBe(false);
    expect(isBusinessDay('2026-01-06', 'US-NY')).toBe(true);
  });
});
