import { createHash } from 'node:crypto';
import type { Alert } from '../../incidents/alert';
import { Severity } from '../../incidents/vocabulary';
import type { RuleMatch } from '../evaluate-rules';
import type { SigmaLevel } from '../sigma-rule';
import type { TenantSweep } from './watermarks';

/**
 * The alert a rule match raises. Its id is derived from the match's dedup
 * key and the sweep's starting watermark, so a sweep repeated after a crash
 * (before its watermark moved) raises alerts the incident already has and
 * drops; its summary gives counts only, since alerts travel into workflow
 * histories and pages.
 */

const severityOf: Readonly<Record<SigmaLevel, Severity>> = {
  informational: Severity.low,
  low: Severity.low,
  medium: Severity.medium,
  high: Severity.high,
  critical: Severity.critical,
};

export function alertFromMatch(match: RuleMatch, sweep: TenantSweep, detectedAt: string): Alert {
  const alertId = createHash('sha256').update(`${match.dedupKey}\n${sweep.afterSeq}`).digest('hex').slice(0, 40);
  const [userId] = match.subject.userIds;
  const [ipAddress] = match.subject.ipAddresses;
  const users = match.subject.userIds.length;
  const patients = match.subject.patientIds.length;

  return {
    alertId: `sweep-${alertId}`,
    tenantId: match.tenantId,
    ruleId: match.ruleId,
    ruleTitle: match.ruleTitle,
    severity: severityOf[match.level],
    dedupKey: match.dedupKey,
    detectedAt,
    eventCount: Math.max(match.eventCount, 1),
    subject: {
      ...(userId ? { userId } : {}),
      ...(ipAddress ? { ipAddress } : {}),
      ...(patients > 0 ? { patientIds: match.subject.patientIds } : {}),
    },
    eventsBetween: { from: match.firstEventAt, to: match.lastEventAt },
    summary: `${match.eventCount} events (${match.newEventCount} new) by ${users} user(s) touching ${patients} patient record(s) between ${match.firstEventAt} and ${match.lastEventAt}`,
  };
}
