import { describe, expect, it } from 'vitest';
import { PinoTemporalLogger } from '../../src/logging/temporal-logger';
import { phiFields, REDACTED, redactionPaths, secretFields } from '../../src/logging/redaction';
import { SYNTHETIC_PATIENT_NAME } from '../support/alerts';
import { memoryLogger } from '../support/temporal';

/** pino's numeric levels, as they appear in each JSON line. */
const PINO_LEVEL = { debug: 20, info: 30, warn: 40, error: 50 } as const;

const phi = {
  name: SYNTHETIC_PATIENT_NAME,
  ssn: '987-65-4320',
  dob: '1961-04-17',
  birthDate: '1961-04-17T00:00:00Z',
  email: 'quillon.bw@example.net',
  phone: '+1-555-0147-932',
  address: '42 Larkspur Lane, Otterby',
  details: 'Patient disclosed a relapse during the 3am call',
  notes: 'Sister is the emergency contact',
};

const secrets = {
  token: 'tok_live_7f3a9c1e',
  apiKey: 'ak_91b2c3d4e5',
  password: 'correct-horse-battery',
  headers: { authorization: 'Bearer eyJhbGciOi.secret-jwt' },
  smtpUrl: 'smtp://breachline:Sm7p-Passw0rd@mail.example.org:587',
};

const sensitiveValues = [
  SYNTHETIC_PATIENT_NAME,
  '987-65-4320',
  '1961-04-17',
  'quillon.bw@example.net',
  '+1-555-0147-932',
  'Larkspur Lane',
  'relapse during the 3am call',
  'emergency contact',
  'tok_live_7f3a9c1e',
  'ak_91b2c3d4e5',
  'correct-horse-battery',
  'secret-jwt',
  'Sm7p-Passw0rd',
];

function parse(line: string | undefined): Record<string, unknown> {
  if (line === undefined) throw new Error('nothing was logged');
  return JSON.parse(line) as Record<string, unknown>;
}

function expectNoSensitiveValue(output: string): void {
  for (const value of sensitiveValues) expect(output, `leaked ${value}`).not.toContain(value);
}

describe('createLogger redaction', () => {
  it('redacts PHI and secrets at the top level of a record, keeping the other fields', () => {
    const { logger, lines } = memoryLogger('info');

    logger.info({ incidentId: 'inc-42', ...phi, ...secrets }, 'incident opened');

    const output = lines.join('\n');
    expectNoSensitiveValue(output);
    const record = parse(lines[0]);
    expect(record).toMatchObject({ incidentId: 'inc-42', level: PINO_LEVEL.info, msg: 'incident opened' });
    expect(record.ssn).toBe(REDACTED);
    expect(record.headers).toEqual({ authorization: REDACTED });
  });

  it('redacts PHI and secrets nested three objects deep', () => {
    const { logger, lines } = memoryLogger('info');

    logger.info({ incidentId: 'inc-42', job: { request: { patient: { ...phi }, auth: { ...secrets } } } }, 'nested');

    expectNoSensitiveValue(lines.join('\n'));
    const record = parse(lines[0]);
    expect(record).toMatchObject({
      incidentId: 'inc-42',
      job: { request: { patient: { name: REDACTED, details: REDACTED }, auth: { apiKey: REDACTED } } },
    });
  });

  it('redacts PHI and secrets inside arrays of objects', () => {
    const { logger, lines } = memoryLogger('info');

    logger.info(
      {
        incidentId: 'inc-42',
        affected: [{ patientId: 'Patient/88231', ...phi }, { ...phi }],
        batch: { recipients: [{ channel: 'email', ...phi, ...secrets }] },
      },
      'notification batch',
    );

    expectNoSensitiveValue(lines.join('\n'));
    const record = parse(lines[0]);
    expect(record.affected).toEqual([
      expect.objectContaining({ patientId: 'Patient/88231', email: REDACTED }),
      expect.objectContaining({ ssn: REDACTED }),
    ]);
    expect(record.batch).toEqual({ recipients: [expect.objectContaining({ channel: 'email', token: REDACTED })] });
  });

  it('redacts PHI bound to a child logger', () => {
    const { logger, lines } = memoryLogger('info');

    logger.child({ incidentId: 'inc-42', email: phi.email }).warn({ phone: phi.phone }, 'could not reach contact');

    expectNoSensitiveValue(lines.join('\n'));
    expect(parse(lines[0])).toMatchObject({ incidentId: 'inc-42', level: PINO_LEVEL.warn, email: REDACTED });
  });

  it('redacts the key map and SMTP URL of a logged configuration', () => {
    const { logger, lines } = memoryLogger('info');

    logger.info(
      { config: { encryption: { keys: 'prod-1:c2VjcmV0LWtleQ==' }, mail: { smtpUrl: secrets.smtpUrl } } },
      'loaded',
    );

    expect(lines.join('\n')).not.toContain('c2VjcmV0LWtleQ');
    expect(lines.join('\n')).not.toContain('Sm7p-Passw0rd');
  });

  it('leaves a record without sensitive fields untouched', () => {
    const { logger, lines } = memoryLogger('info');

    logger.info({ incidentId: 'inc-42', ruleId: 'prm-mass-record-access', alertCount: 3 }, 'alert received');

    expect(lines.join('\n')).not.toContain(REDACTED);
    expect(parse(lines[0])).toMatchObject({ incidentId: 'inc-42', ruleId: 'prm-mass-record-access', alertCount: 3 });
  });

  it.each([...phiFields, ...secretFields])('redacts the field %s at the top level and four objects deep', (field) => {
    const { logger, lines } = memoryLogger('info');
    const value = `sensitive-${field}-value`;

    logger.info({ incidentId: 'inc-42', [field]: value, a: { b: { c: { d: { [field]: value } } } } }, 'field check');

    expect(lines.join('\n')).not.toContain(value);
    const record = parse(lines[0]);
    expect(record[field]).toBe(REDACTED);
    expect(record).toMatchObject({ incidentId: 'inc-42', a: { b: { c: { d: { [field]: REDACTED } } } } });
  });

  it('builds one redaction path per field for each depth searched', () => {
    const paths = redactionPaths();

    expect(paths).toContain('ssn');
    expect(paths).toContain('*.*.*.*.ssn');
    expect(paths).not.toContain('*.*.*.*.*.ssn');
    expect(paths).toHaveLength((phiFields.length + secretFields.length) * 5);
  });
});

describe('PinoTemporalLogger', () => {
  const levels = [
    { call: 'info', level: PINO_LEVEL.info },
    { call: 'warn', level: PINO_LEVEL.warn },
    { call: 'error', level: PINO_LEVEL.error },
    { call: 'debug', level: PINO_LEVEL.debug },
  ] as const;

  it.each(levels)('logs $call at pino level $level with PHI in its metadata redacted', ({ call, level }) => {
    const { logger, lines } = memoryLogger('debug');
    const temporalLogger = new PinoTemporalLogger(logger);

    temporalLogger[call]('Activity failed', { workflowId: 'inc-42', ...phi, headers: secrets.headers });

    expect(lines).toHaveLength(1);
    expectNoSensitiveValue(lines.join('\n'));
    expect(parse(lines[0])).toMatchObject({ level, msg: 'Activity failed', workflowId: 'inc-42', name: REDACTED });
  });

  it('routes the generic log call by its Temporal level name', () => {
    const { logger, lines } = memoryLogger('info');

    new PinoTemporalLogger(logger).log('WARN', 'Workflow task failed', { dob: phi.dob });

    expect(parse(lines[0])).toMatchObject({ level: PINO_LEVEL.warn, dob: REDACTED });
  });

  it('drops records below the logger level', () => {
    const { logger, lines } = memoryLogger('warn');
    const temporalLogger = new PinoTemporalLogger(logger);

    temporalLogger.trace('polling');
    temporalLogger.debug('polling');
    temporalLogger.info('worker started');

    expect(lines).toEqual([]);
  });

  it('logs a message without metadata', () => {
    const { logger, lines } = memoryLogger('info');

    new PinoTemporalLogger(logger).error('Worker shut down unexpectedly');

    expect(parse(lines[0])).toMatchObject({ level: PINO_LEVEL.error, msg: 'Worker shut down unexpectedly' });
  });
});
