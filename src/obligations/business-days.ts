import Holidays from 'date-holidays';
import { addCalendarDays, dayOfWeek } from './civil-time';
import type { CivilDate } from './obligation';

/**
 * Business days for rules that count them (Iowa's 5, Vermont's 14): Monday
 * to Friday, less the public holidays of the jurisdiction whose statute
 * counts them. Bank and optional holidays are working days. The territories
 * are countries of their own in date-holidays.
 */

const calendars = new Map<string, Set<string>>();

function holidayCalendar(jurisdiction: string): Holidays {
  const [country = 'US', region] = jurisdiction.split('-');
  if (country === 'US' && (region === 'PR' || region === 'GU' || region === 'VI')) return new Holidays(region);

  return region === undefined ? new Holidays(country) : new Holidays(country, region);
}

function publicHolidays(jurisdiction: string, year: number): Set<string> {
  const key = `${jurisdiction}:${year}`;
  let days = calendars.get(key);
  if (!days) {
    const holidays = holidayCalendar(jurisdiction).getHolidays(year);
    days = new Set(holidays.filter((holiday) => holiday.type === 'public').map((holiday) => holiday.date.slice(0, 10)));
    calendars.set(key, days);
  }

  return days;
}

export function isBusinessDay(date: CivilDate, jurisdiction: string): boolean {
  const weekday = dayOfWeek(date);
  if (weekday === 6 || weekday === 7) return false;

  return !publicHolidays(jurisdiction, Number(date.slice(0, 4))).has(date);
}

/**
 * The `count`th business day after `date`. `date` itself never counts, even
 * when it is a business day, so five business days after a Saturday end on
 * the following Friday when no holiday intervenes.
 */
export function addBusinessDays(date: CivilDate, count: number, jurisdiction: string): CivilDate {
  let day = date;
  let remaining = count;
  while (remaining > 0) {
    day = addCalendarDays(day, 1);
    if (isBusinessDay(day, jurisdiction)) remaining -= 1;
  }

  return day;
}
