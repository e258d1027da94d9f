import type { EscalationLevel } from '../src/config/schema';
import type { Severity } from '../src/incidents/vocabulary';
import type { Logger } from '../src/logging/logger';
import type { Mailer } from '../src/messaging/mailer';

export interface PageRequest {
  incidentId: string;
  tenantId: string;
  /** Zero-based escalation level. */
  level: number;
  severity: Severity;
  ruleIds: string[];
  openedAt: string;
}

export interface PageReceipt {
  messageId: string;
  recipients: number;
}

export interface EscalationDependencies {
  mailer: Mailer;
  levels: readonly EscalationLevel[];
  logger: Logger;
}

/**
 * The page names the incident, its severity and rules, never patient data:
 * mail leaves our control. A level beyond the configured ones (the
 * configuration shrank while the incident was open) pages the last level.
 */
function composePage(request: PageRequest, minutesOpen: number): { subject: string; text: string } {
  const subject = `[breachline] ${request.severity} incident unacknowledged after ${minutesOpen} min: ${request.incidentId}`;
  const text = [
    `Incident ${request.incidentId} (tenant ${request.tenantId}) has not been acknowledged.`,
    `Severity: ${request.severity}`,
    `Rules: ${request.ruleIds.join(', ') || 'none yet'}`,
    `Opened: ${request.openedAt} (${minutesOpen} minutes ago)`,
    `Escalation level: ${request.level + 1}`,
    '',
    `Acknowledge it with: breachline incidents ack ${request.incidentId} --as <your responder id>`,
  ].join('\n');
  return { subject, text };
}

export function createEscalationActivities(deps: EscalationDependencies) {
  return {
    async pageOnCall(request: PageRequest): Promise<PageReceipt> {
      const level = deps.levels[Math.min(request.level, deps.levels.length - 1)];
      if (!level) throw new Error('No escalation level is configured');

      const minutesOpen = Math.round((Date.now() - Date.parse(request.openedAt)) / 60_000);
      const { subject, text } = composePage(request, minutesOpen);
      const to = level.email.map((address) => ({ name: `On-call level ${request.level + 1}`, address }));
      const messageId = `<page-${request.incidentId}-level-${request.level + 1}@breachline>`;
      const sent = await deps.mailer.send({ to, subject, text, messageId });

      deps.logger.info(
        { incidentId: request.incidentId, escalationLevel: request.level + 1, recipients: sent.accepted },
        'Paged on-call for an unacknowledged incident',
      );
      return { messageId: sent.messageId, recipients: sent.accepted };
    },
  };
}
