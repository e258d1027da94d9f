import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { type Config, configSchema, type Mode, Modes } from './schema';

/** Environment variables and the setting each one fills. Env wins over the file. */
const environmentSettings: Record<string, string> = {
  BREACHLINE_MODE: 'mode',
  BREACHLINE_DATA_DIR: 'dataDir',
  LOG_LEVEL: 'logLevel',
  TEMPORAL_ADDRESS: 'temporal.address',
  TEMPORAL_NAMESPACE: 'temporal.namespace',
  TEMPORAL_TASK_QUEUE: 'temporal.taskQueue',
  TEMPORAL_DEV_SERVER_PORT: 'temporal.devServerPort',
  TEMPORAL_UI_PORT: 'temporal.uiPort',
  BREACHLINE_ENCRYPTION_KEYS: 'encryption.keys',
  BREACHLINE_ENCRYPTION_KEY_ID: 'encryption.currentKeyId',
  SMTP_URL: 'mail.smtpUrl',
  MAIL_FROM: 'mail.from',
  DATABASE_URL: 'database.url',
  BREACHLINE_CHECKPOINT_KEY: 'audit.checkpointKey',
  API_HOST: 'api.host',
  API_PORT: 'api.port',
  API_CODEC_CORS_ORIGIN: 'api.codecCorsOrigin',
  PRM_ADMIN_URL: 'containment.adminApiUrl',
  PRM_SIGNING_SECRET: 'containment.signingSecret',
  SMS_PROVIDER: 'sms.provider',
  TWILIO_ACCOUNT_SID: 'sms.twilio.accountSid',
  TWILIO_AUTH_TOKEN: 'sms.twilio.authToken',
  TWILIO_FROM: 'sms.twilio.from',
  TWILIO_MESSAGING_SERVICE_SID: 'sms.twilio.messagingServiceSid',
  TWILIO_API_BASE_URL: 'sms.twilio.apiBaseUrl',
  TWILIO_STATUS_CALLBACK_URL: 'sms.twilio.statusCallbackUrl',
};

const CONFIG_FILE_VARIABLE = 'BREACHLINE_CONFIG';

/** Settings every mode may take by default: nothing secret, nothing organisation-specific. */
const commonDefaults = {
  // Empty sections make validation name each missing setting, not the section.
  encryption: {},
  mail: {},
  escalation: {},
  database: {},
  audit: {},
  api: {},
  containment: {},
  legal: {},
  detection: {},
  dataDir: 'data',
  logLevel: 'info',
  temporal: { namespace: 'default', taskQueue: 'breachline', devServerPort: '7233', uiPort: '8233' },
};

/**
 * Development alone gets a built-in encryption key and made-up contacts, so a
 * fresh clone runs with no set-up. The key is public: nothing encrypted with it
 * is protected, which is why every other mode must bring its own.
 */
const developmentDefaults = {
  encryption: {
    keys: `dev-1:${Buffer.from('development-key-not-for-real-phi').toString('base64')}`,
    currentKeyId: 'dev-1',
  },
  mail: { from: 'breachline@breachline.localhost' },
  audit: { checkpointKey: 'development-checkpoint-key-not-secret' },
  // The dev server's Web UI, at its default port, may call the codec endpoint.
  api: { codecCorsOrigin: 'http://localhost:8233' },
  // Where `breachline prm-simulator` listens by default, and the secret it shares with the worker.
  containment: { adminApiUrl: 'http://127.0.0.1:7480', signingSecret: 'development-prm-signing-secret-not-secret' },
  // Twilio settings that match `breachline twilio-fake` and `api serve` on their default ports; SMS still go
  // to data/sms-outbox/ unless SMS_PROVIDER=twilio.
  sms: {
    twilio: {
      accountSid: 'AC000000000000000000000000000000de',
      authToken: 'development-twilio-auth-token-not-secret',
      from: '+15005550006',
      apiBaseUrl: 'http://127.0.0.1:7490',
      statusCallbackUrl: 'http://127.0.0.1:8080/v1/webhooks/twilio/status',
    },
  },
  // Made-up legal contacts in escalation order; reminders land in data/outbox/.
  legal: {
    contacts: [
      { name: 'Privacy officer', email: 'privacy-officer@breachline.localhost', sms: '+15555550100' },
      { name: 'General counsel', email: 'general-counsel@breachline.localhost' },
    ],
  },
  escalation: {
    levels: [
      { after: '30m', email: ['oncall@breachline.localhost'] },
      { after: '1h', email: ['security-lead@breachline.localhost'] },
    ],
  },
};

export interface ConfigProblem {
  /** The setting's path, and its environment variable when it has one. */
  setting: string;
  problem: string;
}

/** Thrown when the configuration cannot be used; names every bad or missing setting, never a value. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p.setting}: ${p.problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Tree = Record<string, unknown>;

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function merge(base: Tree, override: Tree): Tree {
  const merged: Tree = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = merged[key];
    merged[key] = isTree(current) && isTree(value) ? merge(current, value) : value;
  }
  return merged;
}

function setPath(tree: Tree, path: string, value: string): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node = tree;
  for (const key of keys) {
    const child = node[key];
    node = isTree(child) ? child : (node[key] = {});
  }
  node[last] = value;
}

function readConfigFile(path: string): Tree {
  let parsed: unknown;
  try {
    parsed = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'unreadable';
    throw new ConfigError([{ setting: CONFIG_FILE_VARIABLE, problem: `cannot read ${path}: ${reason}` }]);
  }
  if (parsed === null || parsed === undefined) return {};
  if (!isTree(parsed)) {
    throw new ConfigError([{ setting: CONFIG_FILE_VARIABLE, problem: `${path} must hold a mapping of settings` }]);
  }
  return parsed;
}

function environmentOverrides(env: NodeJS.ProcessEnv): Tree {
  const tree: Tree = {};
  for (const [variable, path] of Object.entries(environmentSettings)) {
    const value = env[variable];
    if (value !== undefined && value !== '') setPath(tree, path, value);
  }
  return tree;
}

function describeSetting(path: PropertyKey[]): string {
  const dotted = path.map(String).join('.');
  const prefix = Object.entries(environmentSettings).find(([, setting]) => dotted.startsWith(setting));
  return prefix ? `${dotted} (${prefix[0]})` : dotted || '(top level)';
}

function toProblems(error: z.ZodError): ConfigProblem[] {
  return error.issues.map((issue) => {
    const missing = issue.code === 'invalid_type' && issue.message.includes('undefined');
    const unknown = issue.code === 'unrecognized_keys' ? `unknown setting(s): ${issue.keys.join(', ')}` : undefined;
    return {
      setting: describeSetting(issue.path),
      problem: unknown ?? (missing ? 'required but not set' : issue.message),
    };
  });
}

function resolveMode(file: Tree, env: Tree): Mode {
  const mode = env.mode ?? file.mode ?? 'development';
  return (Modes as readonly unknown[]).includes(mode) ? (mode as Mode) : 'production';
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Reads the environment and the optional file named by BREACHLINE_CONFIG
 * (YAML or JSON) into one validated, frozen configuration. An unknown mode is
 * treated as production for defaults, so a typo never unlocks development
 * secrets; validation still reports it.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const configFile = env[CONFIG_FILE_VARIABLE];
  const fromFile = configFile ? readConfigFile(configFile) : {};
  const fromEnv = environmentOverrides(env);
  const mode = resolveMode(fromFile, fromEnv);

  const defaults = mode === 'development' ? merge(commonDefaults, developmentDefaults) : commonDefaults;
  const raw = merge(merge(merge(defaults, { mode }), fromFile), fromEnv);

  const result = configSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(toProblems(result.error));

  return deepFreeze(result.data);
}
