import { describe, expect, it } from 'vitest';
import { packChecks, unpackChecks } from '../../src/audit/packed-checks';
import { checkRecord } from '../../src/audit/validate-record';
import { auditEvent } from '../support/audit-events';

describe('checks passed between threads', () => {
  it('come back one per record, bad records each on their own, valid ones unchanged but for the event object', () => {
    const records: unknown[] = [
      auditEvent(0),
      { ...auditEvent(1), action: 'peek', outcome: 'maybe' },
      auditEvent(2),
      {},
    ];
    const checks = records.map((record, index) => checkRecord(record, index));

    const unpacked = unpackChecks(packChecks(checks));

    expect(unpacked.filter((check) => !check.ok)).toHaveLength(2);
    const valid = unpacked.filter((check) => check.ok);
    const original = checks.filter((check) => check.ok).map(({ event: _event, ...strings }) => strings);
    expect(valid).toEqual(original);
  });
});
