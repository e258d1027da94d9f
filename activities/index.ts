import type { SmsSender } from '../src/messaging/sms';
import type { Database } from '../src/store/database';
import { createAnnualLogActivities, type AnnualLogDependencies } from './annual-log';
import { createDetectionActivities, type DetectionDependencies } from './detection';
import { createContainmentActivities, type ContainmentDependencies } from './containment';
import { createEscalationActivities, type EscalationDependencies } from './escalation';
import { createEvidenceActivities, type EvidenceDependencies } from './evidence';
import { createTimelineActivities, type TimelineDependencies } from './incident-timeline';
import { createLegalReminderActivities, type LegalRemindersDependencies } from './legal-reminders';
import { createNotificationActivities, type NotificationDependencies } from './notification';

/**
 * What the activities are bound to. Every area adds its own dependencies
 * here; `mailer`, `sms` and `store` are shared by all of them.
 */
export type ActivityDependencies = EscalationDependencies &
  ContainmentDependencies &
  EvidenceDependencies &
  TimelineDependencies &
  LegalRemindersDependencies &
  AnnualLogDependencies &
  DetectionDependencies &
  NotificationDependencies & {
    sms: SmsSender;
    store: Database;
  };

/** Every activity the worker registers, bound to its dependencies. */
export function createActivities(deps: ActivityDependencies) {
  return {
    ...createEscalationActivities(deps),
    ...createContainmentActivities(deps),
    ...createEvidenceActivities(deps),
    ...createTimelineActivities(deps),
    ...createLegalReminderActivities(deps),
    ...createAnnualLogActivities(deps),
    ...createDetectionActivities(deps),
    ...createNotificationActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
