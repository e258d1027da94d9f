import type { EscalationLevel } from '../src/config/schema';
import { PageReason, type Severity } from '../src/incidents/vocabulary';
import type { Logger } from '../src/logging/logger';
import type { Mailer } from '../src/messaging/mailer';
import type { SmsSender } from '../src/messaging/sms';

export interface PageRequest {
  incidentId: string;
  tenantId: string;
  /** Zero-based escalation level. */
  level: number;
  severity: Severity;
  ruleIds: string[];
  openedAt: string;
  /** Absent in histories from before reasons existed: those pages were all for unacknowledged incidents. */
  reason?: PageReason;
  /** The containment action the page is about (approval pending, or failed). */
  actionIndex?: number;
}

export interface PageReceipt {
  messageId: string;
  recipients: number;
  /** Text messages handed to the SMS provider. */
  texts: number;
}

export interface EscalationDependencies {
  mailer: Mailer;
  sms: SmsSender;
  levels: readonly EscalationLevel[];
  logger: Logger;
}

const headline: Readonly<Record<PageReason, string>> = {
  [PageReason.unacknowledged]: 'unacknowledged',
  [PageReason.approvalPending]: 'containment awaits approval',
  [PageReason.containmentFailed]: 'containment failed',
};

function actionHint(request: PageRequest, reason: PageReason): string {
  const id = request.incidentId;
  if (reason === PageReason.approvalPending) {
    return `Decide with: breachline incidents approve ${id} ${request.actionIndex ?? 0} --as <id> (or reject)`;
  }
  if (reason === PageReason.containmentFailed)
    return `Check the platform and the incident: breachline incidents show ${id}`;
  return `Acknowledge it with: breachline incidents ack ${id} --as <your responder id>`;
}

/**
 * The page names the incident, its severity and rules, never patient data:
 * mail and SMS leave our control. A level beyond the configured ones (the
 * configuration shrank while the incident was open) pages the last level.
 */
function composePage(request: PageRequest, minutesOpen: number): { subject: string; text: string; sms: string } {
  const reason = request.reason ?? PageReason.unacknowledged;
  const about = request.actionIndex === undefined ? '' : ` (action #${request.actionIndex})`;
  const subject = `[breachline] ${request.severity} incident ${headline[reason]}${about} after ${minutesOpen} min: ${request.incidentId}`;
  const text = [
    `Incident ${request.incidentId} (tenant ${request.tenantId}): ${headline[reason]}${about}.`,
    `Severity: ${request.severity}`,
    `Rules: ${request.ruleIds.join(', ') || 'none yet'}`,
    `Opened: ${request.openedAt} (${minutesOpen} minutes ago)`,
    `Escalation level: ${request.level + 1}`,
    '',
    actionHint(request, reason),
  ].join('\n');
  const sms = `breachline: ${request.severity} incident ${request.incidentId} ${headline[reason]}${about}, level ${request.level + 1}`;
  return { subject, text, sms };
}

/** The same page always gets the same key, so a retried activity is recognised as a repeat. */
function pageKey(request: PageRequest): string {
  const about = request.actionIndex === undefined ? '' : `-action-${request.actionIndex}`;
  return `page-${request.incidentId}-${request.reason ?? PageReason.unacknowledged}${about}-level-${request.level + 1}`;
}

export function createEscalationActivities(deps: EscalationDependencies) {
  async function text(numbers: readonly string[], body: string, key: string): Promise<number> {
    for (const [index, to] of numbers.entries()) {
      await deps.sms.send({ to, body, idempotencyKey: `${key}-sms-${index + 1}` });
    }
    return numbers.length;
  }

  return {
    async pageOnCall(request: PageRequest): Promise<PageReceipt> {
      const level = deps.levels[Math.min(request.level, deps.levels.length - 1)];
      if (!level) throw new Error('No escalation level is configured');

      const minutesOpen = Math.round((Date.now() - Date.parse(request.openedAt)) / 60_000);
      const page = composePage(request, minutesOpen);
      const key = pageKey(request);
      const to = level.email.map((address) => ({ name: `On-call level ${request.level + 1}`, address }));
      const sent = await deps.mailer.send({
        to,
        subject: page.subject,
        text: page.text,
        messageId: `<${key}@breachline>`,
      });
      const texts = await text(level.sms ?? [], page.sms, key);

      deps.logger.info(
        {
          incidentId: request.incidentId,
          escalationLevel: request.level + 1,
          reason: request.reason,
          recipients: sent.accepted,
          texts,
        },
        'Paged on-call',
      );
      return { messageId: sent.messageId, recipients: sent.accepted, texts };
    },
  };
}
