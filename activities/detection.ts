import { heartbeat } from '@temporalio/activity';
import { evaluateRules, type RuleSet } from '../src/detection/evaluate-rules';
import { alertFromMatch } from '../src/detection/sweep/match-alert';
import { advanceWatermark, pendingSweeps } from '../src/detection/sweep/watermarks';
import type { Alert } from '../src/incidents/alert';
import type { Logger } from '../src/logging/logger';
import type { Database } from '../src/store/database';

/**
 * One detection sweep: for each tenant with events past its watermark, run
 * every alerting rule over them, hand each match to its incident, then move
 * the watermark. A crash between the two repeats the sweep from the same
 * watermark, which raises the same alert ids, and incidents drop alerts they
 * already hold: an event is alerted on once.
 */

export interface DetectionDependencies {
  store: Database;
  logger: Logger;
  /** The rules the sweeper runs; without them (no worker-side rules) a sweep finds nothing to do. */
  ruleSet?: RuleSet;
  /** Opens or feeds the incident an alert belongs to (signal-with-start); returns its id. */
  raiseAlert?: (alert: Alert) => Promise<string>;
  /** IANA zone for hour-of-day fields. */
  sweepTimeZone?: string;
}

/** At most this many new events per tenant in one sweep, so a backlog is taken in bites that finish. */
const MAX_EVENTS_PER_SWEEP = 200_000;

export interface SweepReport {
  tenants: number;
  events: number;
  alerts: number;
  /** True when some tenant's backlog was cut at MAX_EVENTS_PER_SWEEP: sweep again at once. */
  more: boolean;
}

export function createDetectionActivities(deps: DetectionDependencies) {
  return {
    async runDetectionSweep(): Promise<SweepReport> {
      const { ruleSet, raiseAlert } = deps;
      if (!ruleSet || !raiseAlert) return { tenants: 0, events: 0, alerts: 0, more: false };

      const report: SweepReport = { tenants: 0, events: 0, alerts: 0, more: false };
      for (const sweep of await pendingSweeps(deps.store, MAX_EVENTS_PER_SWEEP)) {
        const detectedAt = new Date().toISOString();
        const { tenantId, afterSeq, uptoSeq } = sweep;
        const scope = { tenantId, afterSeq, uptoSeq, ...(deps.sweepTimeZone ? { timeZone: deps.sweepTimeZone } : {}) };
        const matches = await evaluateRules(deps.store, ruleSet, scope);
        for (const match of matches) await raiseAlert(alertFromMatch(match, sweep, detectedAt));
        const moved = await advanceWatermark(deps.store, sweep);
        heartbeat(tenantId);

        report.tenants += 1;
        report.events += uptoSeq - afterSeq;
        report.alerts += matches.length;
        report.more ||= moved && uptoSeq < sweep.headSeq;
        deps.logger.info({ tenantId, afterSeq, uptoSeq, alerts: matches.length, moved }, 'Detection sweep done');
      }
      return report;
    },
  };
}
