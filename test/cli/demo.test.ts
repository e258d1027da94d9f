import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyBundle } from '../../src/evidence/verify-bundle';
import { runCli } from '../support/cli';
import { freePort } from '../support/free-port';
import { uniqueName } from '../support/temporal';

function mailIn(outbox: string): string[] {
  // Quoted-printable folds long lines with a trailing '='; unfold them to read the text.
  return readdirSync(outbox)
    .filter((file) => file.endsWith('.eml'))
    .map((file) => readFileSync(join(outbox, file), 'utf8').replace(/=\r?\n/g, ''));
}

const dataDir = mkdtempSync(join(tmpdir(), 'breachline-demo-'));

async function runDemo() {
  // DATABASE_URL, when CI sets it, is left as it is: the demo must keep to its own embedded store.
  const demo = runCli(['demo'], {
    BREACHLINE_MODE: 'development',
    BREACHLINE_DATA_DIR: dataDir,
    TEMPORAL_ADDRESS: '',
    TEMPORAL_DEV_SERVER_PORT: String(await freePort()),
    TEMPORAL_UI_PORT: String(await freePort()),
    API_PORT: String(await freePort()),
    TEMPORAL_TASK_QUEUE: uniqueName('cli-demo'),
  });
  return { code: await demo.exit(), output: demo.output() };
}

describe('breachline demo', () => {
  it('runs the main job end to end on real input and leaves what it did where it says', async () => {
    const demo = await runDemo();

    expect(demo.code).toBe(0);
    const output = demo.output;
    expect(output).toMatch(/Audit events stored: 9 HL7 FHIR examples, [\d,]+ generated PRM events/);
    for (const rule of ['prm-mass-record-access', 'prm-inactive-account-access', 'prm-failed-login-burst-then-success'])
      expect(output).toContain(rule);
    expect(output).toMatch(/escalated \(paged level 1\)/);
    expect(output).toMatch(/demo\.responder +containment-approved \(#\d+ suspend-user user\)/);
    expect(output).toContain("The suspended user's next chart read was refused by the platform and logged as denied.");
    expect(output).toMatch(/Breach facts from a real HHS OCR report: healthcare-provider in US-TX, 5,357 individuals/);
    expect(output).toMatch(/OVERDUE +HIPAA\/individuals +reminders [1-9]/);

    const notified = /Notices to the (\d+) affected patients \(finished\):\n {2}letters (\d+), emails (\d+)/.exec(
      output,
    );
    expect(Number(notified?.[1])).toBeGreaterThan(100);
    expect(Number(notified?.[2])).toBeGreaterThan(0);
    const emailsSent = Number(notified?.[3]);
    expect(emailsSent).toBeGreaterThan(0);

    const bundle = /Evidence bundle: (\S+) verifies/.exec(output)?.[1];
    expect(bundle).toBeDefined();
    expect((await verifyBundle(bundle ?? '')).problems).toEqual([]);

    const mail = mailIn(join(dataDir, 'demo', 'outbox'));
    expect(mail.some((message) => message.includes('oncall@breachline.localhost'))).toBe(true);
    expect(mail.some((message) => /Subject: \[breachline\] Notice to/.test(message))).toBe(true);
    const notices = mail.filter((message) => message.includes('1-800-555-0142'));
    expect(notices).toHaveLength(emailsSent);
  });

  it('runs again in the same data folder, starting from nothing', async () => {
    const again = await runDemo();

    expect(again.code).toBe(0);
    expect(again.output).toMatch(/Incidents opened by detection \(\d+\)/);
  });
});
