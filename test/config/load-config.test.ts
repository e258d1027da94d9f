import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type ConfigProblem } from '../../src/config/load-config';

const KEY_BYTES = randomBytes(32);
const KEY_TEXT = KEY_BYTES.toString('base64');
const SMTP_PASSWORD = 'Tr0ub4dor-smtp-pass';
const SMTP_URL = `smtp://breachline:${SMTP_PASSWORD}@mail.example.org:587`;
const PRM_SECRET = 'prm-signing-secret-for-tests-0123456789';

const ESCALATION_YAML = `escalation:
  levels:
    - after: 15m
      email: [oncall@example.org]
    - after: 1h
      email: [ciso@example.org]
`;

/** Writes a config file into a fresh temporary folder and returns its path. */
function configFile(text: string, name = 'breachline.yaml'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'breachline-config-')), name);
  writeFileSync(path, text);
  return path;
}

/** A production environment with every required setting, escalation coming from a file. */
function productionEnv(overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    BREACHLINE_MODE: 'production',
    BREACHLINE_CONFIG: configFile(ESCALATION_YAML),
    BREACHLINE_ENCRYPTION_KEYS: `prod-1:${KEY_TEXT}`,
    BREACHLINE_ENCRYPTION_KEY_ID: 'prod-1',
    SMTP_URL,
    MAIL_FROM: 'breachline@example.org',
    BREACHLINE_CHECKPOINT_KEY: 'checkpoint-key-for-tests-0123456789abcdef',
    PRM_ADMIN_URL: 'https://prm-admin.example.org/api',
    PRM_SIGNING_SECRET: PRM_SECRET,
    ...overrides,
  };
}

/** The ConfigError loadConfig throws for `env`; fails the test when it loads instead. */
function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to throw a ConfigError');
}

function settings(problems: readonly ConfigProblem[]): string[] {
  return problems.map((problem) => problem.setting);
}

function problemFor(error: ConfigError, setting: string): string | undefined {
  return error.problems.find((problem) => problem.setting === setting)?.problem;
}

describe('loadConfig in development', () => {
  it('starts with no environment at all, using the built-in development key', () => {
    const config = loadConfig({});

    expect(config.mode).toBe('development');
    expect(config.encryption.currentKeyId).toBe('dev-1');
    expect(config.encryption.keys.get('dev-1')).toHaveLength(32);
    expect(config.mail.smtpUrl).toBeUndefined();
  });

  it('fills the common defaults, with ports as numbers and escalation delays in milliseconds', () => {
    const config = loadConfig({});

    expect(config.temporal).toEqual({
      namespace: 'default',
      taskQueue: 'breachline',
      devServerPort: 7233,
      uiPort: 8233,
    });
    expect(config.escalation.levels.map((level) => level.after)).toEqual([30 * 60_000, 60 * 60_000]);
  });
});

describe('loadConfig in production', () => {
  it('loads when every required setting is given', () => {
    const config = loadConfig(productionEnv());

    expect(config.mode).toBe('production');
    expect(config.mail.smtpUrl).toBe(SMTP_URL);
    expect(config.encryption.keys.get('prod-1')?.equals(KEY_BYTES)).toBe(true);
    expect(config.escalation.levels).toHaveLength(2);
  });

  it('refuses an empty environment, naming each missing setting with its environment variable', () => {
    const error = configError({ BREACHLINE_MODE: 'production' });

    expect(settings(error.problems)).toEqual(
      expect.arrayContaining([
        'encryption.keys (BREACHLINE_ENCRYPTION_KEYS)',
        'encryption.currentKeyId (BREACHLINE_ENCRYPTION_KEY_ID)',
        'mail.smtpUrl (SMTP_URL)',
        'mail.from (MAIL_FROM)',
        'escalation.levels',
      ]),
    );
  });

  it('names a missing setting inside a section that is partly given, with its environment variable', () => {
    const error = configError(productionEnv({ BREACHLINE_ENCRYPTION_KEY_ID: undefined, MAIL_FROM: '' }));

    expect(problemFor(error, 'encryption.currentKeyId (BREACHLINE_ENCRYPTION_KEY_ID)')).toBe('required but not set');
    expect(problemFor(error, 'mail.from (MAIL_FROM)')).toBe('required but not set');
  });

  it('requires SMTP_URL, since production has no mail sink', () => {
    const error = configError(productionEnv({ SMTP_URL: undefined }));

    expect(problemFor(error, 'mail.smtpUrl (SMTP_URL)')).toMatch(/required in production/);
  });

  it('requires the admin API URL and signing secret for containment, with their variables', () => {
    const error = configError(productionEnv({ PRM_ADMIN_URL: undefined, PRM_SIGNING_SECRET: undefined }));

    expect(problemFor(error, 'containment.adminApiUrl (PRM_ADMIN_URL)')).toBe('required in production');
    expect(problemFor(error, 'containment.signingSecret (PRM_SIGNING_SECRET)')).toBe('required in production');
  });

  it('reads the containment settings from the environment', () => {
    const config = loadConfig(productionEnv());

    expect(config.containment).toEqual({ adminApiUrl: 'https://prm-admin.example.org/api', signingSecret: PRM_SECRET });
  });

  it('reports a missing SMTP_URL together with an unrelated bad setting', () => {
    const error = configError(productionEnv({ SMTP_URL: undefined, TEMPORAL_UI_PORT: 'eighty' }));

    expect(settings(error.problems)).toEqual(
      expect.arrayContaining(['temporal.uiPort (TEMPORAL_UI_PORT)', 'mail.smtpUrl (SMTP_URL)']),
    );
  });

  it('treats an unknown mode as production: it is reported and the development key is not used', () => {
    const error = configError({ BREACHLINE_MODE: 'staging' });

    expect(problemFor(error, 'mode (BREACHLINE_MODE)')).toMatch(/development.*test.*production/);
    expect(settings(error.problems)).toContain('encryption.keys (BREACHLINE_ENCRYPTION_KEYS)');
  });
});

describe('containment settings outside production', () => {
  it('point at the local simulator with a built-in secret in development', () => {
    const config = loadConfig({});

    expect(config.containment.adminApiUrl).toBe('http://127.0.0.1:7480');
    expect(config.containment.signingSecret?.length).toBeGreaterThanOrEqual(32);
  });

  it('have no built-in secret in test mode, where containment may stay unconfigured', () => {
    const config = loadConfig({
      BREACHLINE_MODE: 'test',
      BREACHLINE_CONFIG: configFile(ESCALATION_YAML),
      BREACHLINE_ENCRYPTION_KEYS: `test-1:${KEY_TEXT}`,
      BREACHLINE_ENCRYPTION_KEY_ID: 'test-1',
      MAIL_FROM: 'breachline@example.org',
      BREACHLINE_CHECKPOINT_KEY: 'checkpoint-key-for-tests-0123456789abcdef',
    });

    expect(config.containment).toEqual({});
  });

  it('refuses a short signing secret and a URL that is not http, without quoting the secret', () => {
    const error = configError({ PRM_SIGNING_SECRET: 'short-prm-secret', PRM_ADMIN_URL: 'ftp://prm.example.org' });

    expect(problemFor(error, 'containment.signingSecret (PRM_SIGNING_SECRET)')).toBe('must be at least 32 characters');
    expect(problemFor(error, 'containment.adminApiUrl (PRM_ADMIN_URL)')).toBe('must be an http:// or https:// URL');
    expect(error.message).not.toContain('short-prm-secret');
  });
});

describe('loadConfig rejects bad values', () => {
  it('names a duration it cannot read', () => {
    const file = configFile(`escalation:\n  levels:\n    - after: soon\n      email: [oncall@example.org]\n`);

    const error = configError({ BREACHLINE_CONFIG: file });

    expect(problemFor(error, 'escalation.levels.0.after')).toMatch(/"soon" is not a positive duration/);
  });

  it('refuses escalation levels that do not come in ascending order', () => {
    const file = configFile(
      `escalation:\n  levels:\n    - after: 1h\n      email: [a@example.org]\n    - after: 30m\n      email: [b@example.org]\n`,
    );

    const error = configError({ BREACHLINE_CONFIG: file });

    expect(problemFor(error, 'escalation.levels')).toMatch(/after the one before/);
  });

  it('refuses a key of 16 bytes, saying how long it is', () => {
    const shortKey = randomBytes(16).toString('base64');

    const error = configError({
      BREACHLINE_ENCRYPTION_KEYS: `short:${shortKey}`,
      BREACHLINE_ENCRYPTION_KEY_ID: 'short',
    });

    expect(problemFor(error, 'encryption.keys (BREACHLINE_ENCRYPTION_KEYS)')).toBe(
      'key "short" decodes to 16 bytes; AES-256 needs 32',
    );
  });

  it('refuses a key written without an id', () => {
    const error = configError({ BREACHLINE_ENCRYPTION_KEYS: KEY_TEXT });

    expect(problemFor(error, 'encryption.keys (BREACHLINE_ENCRYPTION_KEYS)')).toMatch(/id:base64/);
  });

  it('refuses a key id given twice', () => {
    const error = configError({ BREACHLINE_ENCRYPTION_KEYS: `k1:${KEY_TEXT},k1:${KEY_TEXT}` });

    expect(problemFor(error, 'encryption.keys (BREACHLINE_ENCRYPTION_KEYS)')).toBe('key id "k1" appears twice');
  });

  it('refuses a current key id that is not among the keys', () => {
    const error = configError({ BREACHLINE_ENCRYPTION_KEYS: `k1:${KEY_TEXT}`, BREACHLINE_ENCRYPTION_KEY_ID: 'k2' });

    expect(problemFor(error, 'encryption.currentKeyId (BREACHLINE_ENCRYPTION_KEY_ID)')).toMatch(/"k2"/);
  });

  it('refuses a port that is not a number, or is out of range', () => {
    const error = configError({ TEMPORAL_DEV_SERVER_PORT: 'seven', TEMPORAL_UI_PORT: '70000' });

    expect(settings(error.problems)).toEqual([
      'temporal.devServerPort (TEMPORAL_DEV_SERVER_PORT)',
      'temporal.uiPort (TEMPORAL_UI_PORT)',
    ]);
  });

  it('reports every bad setting in one error, not just the first', () => {
    const error = configError({ LOG_LEVEL: 'loud', MAIL_FROM: 'not-an-address', TEMPORAL_UI_PORT: 'x' });

    expect(settings(error.problems)).toEqual(
      expect.arrayContaining(['logLevel (LOG_LEVEL)', 'mail.from (MAIL_FROM)', 'temporal.uiPort (TEMPORAL_UI_PORT)']),
    );
    expect(error.message).toContain('logLevel (LOG_LEVEL)');
    expect(error.message).toContain('mail.from (MAIL_FROM)');
  });
});

describe('ConfigError', () => {
  it('never quotes a key or an SMTP password from the settings it rejects', () => {
    const error = configError(
      productionEnv({ BREACHLINE_ENCRYPTION_KEY_ID: 'missing', TEMPORAL_DEV_SERVER_PORT: 'x', MAIL_FROM: 'nobody' }),
    );

    const reported = `${error.message}\n${JSON.stringify(error.problems)}`;
    expect(error.problems.length).toBeGreaterThanOrEqual(2);
    expect(reported).not.toContain(KEY_TEXT);
    expect(reported).not.toContain(SMTP_PASSWORD);
  });

  it('never quotes a rejected short key', () => {
    const shortKey = randomBytes(16).toString('base64');

    const error = configError({ BREACHLINE_ENCRYPTION_KEYS: `short:${shortKey}` });

    expect(error.message).toContain('encryption.keys');
    expect(error.message).not.toContain(shortKey);
  });

  it('never quotes the contents of a config file it cannot parse', () => {
    const file = configFile(`encryption:\n  keys: 'prod-1:${KEY_TEXT}\n`);

    const error = configError({ BREACHLINE_CONFIG: file });

    expect(settings(error.problems)).toEqual(['BREACHLINE_CONFIG']);
    expect(error.message).not.toContain(KEY_TEXT);
  });
});

describe('loadConfig with a config file', () => {
  it('reads settings from the YAML file named by BREACHLINE_CONFIG', () => {
    const file = configFile(`logLevel: debug\ntemporal:\n  namespace: hospital-a\n  taskQueue: from-file\n`);

    const config = loadConfig({ BREACHLINE_CONFIG: file });

    expect(config.logLevel).toBe('debug');
    expect(config.temporal.namespace).toBe('hospital-a');
    expect(config.temporal.taskQueue).toBe('from-file');
  });

  it('reads a JSON file too', () => {
    const file = configFile(JSON.stringify({ dataDir: '/var/lib/breachline' }), 'breachline.json');

    expect(loadConfig({ BREACHLINE_CONFIG: file }).dataDir).toBe('/var/lib/breachline');
  });

  it('lets the environment override the file, setting by setting', () => {
    const file = configFile(`temporal:\n  namespace: hospital-a\n  taskQueue: from-file\n`);

    const config = loadConfig({ BREACHLINE_CONFIG: file, TEMPORAL_TASK_QUEUE: 'from-env' });

    expect(config.temporal.taskQueue).toBe('from-env');
    expect(config.temporal.namespace).toBe('hospital-a');
  });

  it('ignores an environment variable set to the empty string', () => {
    const file = configFile(`temporal:\n  taskQueue: from-file\n`);

    expect(loadConfig({ BREACHLINE_CONFIG: file, TEMPORAL_TASK_QUEUE: '' }).temporal.taskQueue).toBe('from-file');
  });

  it('takes its mode from the file, so a production file never gets development defaults', () => {
    const file = configFile('mode: production\n');

    const error = configError({ BREACHLINE_CONFIG: file });

    expect(settings(error.problems)).toContain('encryption.keys (BREACHLINE_ENCRYPTION_KEYS)');
  });

  it('treats an empty file as no settings', () => {
    expect(loadConfig({ BREACHLINE_CONFIG: configFile('') }).mode).toBe('development');
  });

  it('reports unknown settings in the file, at the top level and inside a section', () => {
    const file = configFile(`colour: blue\ntemporal:\n  adress: localhost:7233\n`);

    const error = configError({ BREACHLINE_CONFIG: file });

    expect(problemFor(error, '(top level)')).toBe('unknown setting(s): colour');
    expect(problemFor(error, 'temporal')).toBe('unknown setting(s): adress');
  });

  it('reports a file that does not exist', () => {
    const missing = join(tmpdir(), `breachline-missing-${process.pid}.yaml`);

    const error = configError({ BREACHLINE_CONFIG: missing });

    expect(settings(error.problems)).toEqual(['BREACHLINE_CONFIG']);
    expect(error.problems[0]?.problem).toMatch(/cannot read .*ENOENT/);
  });

  it('reports a path that is a folder rather than a file', () => {
    const folder = mkdtempSync(join(tmpdir(), 'breachline-config-'));

    expect(configError({ BREACHLINE_CONFIG: folder }).problems[0]?.problem).toMatch(/cannot read .*EISDIR/);
  });

  it('reports a file that holds a list instead of a mapping', () => {
    const file = configFile('- logLevel\n- debug\n');

    expect(configError({ BREACHLINE_CONFIG: file }).problems[0]?.problem).toMatch(/must hold a mapping of settings/);
  });
});

describe('the loaded configuration', () => {
  it('is frozen at every depth', () => {
    const config = loadConfig({});
    const firstLevel = config.escalation.levels[0];

    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.temporal)).toBe(true);
    expect(Object.isFrozen(config.escalation.levels)).toBe(true);
    expect(Object.isFrozen(firstLevel)).toBe(true);
    expect(Object.isFrozen(firstLevel?.email)).toBe(true);
    expect(() => {
      (config.temporal as { taskQueue: string }).taskQueue = 'changed';
    }).toThrow(TypeError);
  });

  it('does not let the encryption key map be changed', () => {
    const config = loadConfig({});
    const keys = config.encryption.keys as Map<string, Buffer>;

    expect(() => keys.set('intruder', randomBytes(32))).toThrow(TypeError);
    expect(() => keys.delete('dev-1')).toThrow(TypeError);
    expect(() => keys.clear()).toThrow(TypeError);
    expect([...keys.keys()]).toEqual(['dev-1']);
  });

  it('refuses an SMTP_URL that is not an smtp or smtps URL', () => {
    const error = configError({ SMTP_URL: 'https://mail.example.org' });

    expect(problemFor(error, 'mail.smtpUrl (SMTP_URL)')).toBe('must be an smtp:// or smtps:// URL');
  });

  it('parses several keys into a map from which the current one is selected', () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);

    const config = loadConfig({
      BREACHLINE_ENCRYPTION_KEYS: ` old:${oldKey.toString('base64')} , new:${newKey.toString('base64')} `,
      BREACHLINE_ENCRYPTION_KEY_ID: 'new',
    });

    expect([...config.encryption.keys.keys()]).toEqual(['old', 'new']);
    expect(config.encryption.keys.get(config.encryption.currentKeyId)?.equals(newKey)).toBe(true);
    expect(config.encryption.keys.get('old')?.equals(oldKey)).toBe(true);
  });
});
