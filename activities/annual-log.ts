import type { LegalSettings } from '../src/config/schema';
import type { SmallBreachEntry } from '../src/annual-log/small-breach-entry';
import { listSmallBreaches, recordSmallBreach } from '../src/annual-log/small-breach-log';
import type { Logger } from '../src/logging/logger';
import type { Mailer } from '../src/messaging/mailer';
import type { Database } from '../src/store/database';

/**
 * The annual small-breach log: incidents are entered as their obligations
 * are computed, and once a year legal is reminded to submit the previous
 * year's entries to HHS. The reminder lists incident ids, counts and dates,
 * never patient data.
 */

export interface AnnualLogDependencies {
  store: Database;
  mailer: Mailer;
  logger: Logger;
  legal?: LegalSettings;
}

export interface LogSmallBreachRequest {
  tenantId: string;
  incidentId: string;
  /** Absent when the incident no longer belongs in the log. */
  entry?: SmallBreachEntry;
}

export interface SmallBreachLogReminderRequest {
  year: number;
  /** Names this run of the schedule, so a retried send keeps its Message-ID. */
  reminderKey: string;
}

function composeLogReminder(year: number, entries: readonly SmallBreachEntry[]): { subject: string; text: string } {
  const due = entries[0]?.dueDate ?? `${year + 1}-03-01`;
  const individuals = entries.reduce((sum, entry) => sum + entry.individuals, 0);
  const subject = `[breachline] ${entries.length} breaches under 500 discovered in ${year}: submit to HHS by ${due}`;
  const lines = entries.map(
    (entry) =>
      `  ${entry.tenantId}  ${entry.incidentId}  ${entry.individuals} individuals  discovered ${entry.discoveredAt}`,
  );
  const text = [
    `HIPAA (45 CFR 164.408(c)) requires each breach of fewer than 500 individuals discovered in ${year}`,
    `to be reported on the OCR breach portal no later than ${due}, one report per breach.`,
    '',
    `${entries.length} breaches, ${individuals} individuals in all:`,
    ...lines,
    '',
    'Record each report as met: breachline obligations met <incident> HIPAA/hhs-annual-log ...',
  ].join('\n');

  return { subject, text };
}

export function createAnnualLogActivities(deps: AnnualLogDependencies) {
  return {
    async logSmallBreach(request: LogSmallBreachRequest): Promise<void> {
      await recordSmallBreach(deps.store, request, request.entry);
      deps.logger.info(
        { incidentId: request.incidentId, inLog: request.entry !== undefined },
        'Small-breach log entry updated',
      );
    },

    async remindSmallBreachLog(request: SmallBreachLogReminderRequest): Promise<{ breaches: number; emails: number }> {
      const entries = await listSmallBreaches(deps.store, request.year);
      const contacts = deps.legal?.contacts ?? [];
      if (entries.length === 0 || contacts.length === 0) {
        const level = entries.length > 0 ? 'error' : 'info';
        deps.logger[level]({ year: request.year, breaches: entries.length }, 'No small-breach log reminder sent');
        return { breaches: entries.length, emails: 0 };
      }

      const { subject, text } = composeLogReminder(request.year, entries);
      const to = contacts.map((contact) => ({ name: contact.name, address: contact.email }));
      const messageId = `<small-breach-log.${request.year}.${request.reminderKey.replace(/[^A-Za-z0-9-]+/g, '.')}@breachline>`;
      const sent = await deps.mailer.send({ to, subject, text, messageId });

      deps.logger.info(
        { year: request.year, breaches: entries.length, emails: sent.accepted },
        'Reminded legal of the small-breach log',
      );
      return { breaches: entries.length, emails: sent.accepted };
    },
  };
}
