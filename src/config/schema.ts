import ms from 'ms';
import { z } from 'zod';
import { requireTwilioCallbackInProduction, smsSection } from './sms-schema';

/** Where breachline runs. Only development may fall back to built-in secrets. */
export const Modes = ['development', 'test', 'production'] as const;
export type Mode = (typeof Modes)[number];

const LogLevels = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

/** A human duration such as `30m` or `2 days`, turned into milliseconds. */
const duration = z.string().transform((text, ctx) => {
  const millis = ms(text as ms.StringValue) as number | undefined;
  if (millis === undefined || !Number.isFinite(millis) || millis <= 0) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a positive duration such as 30m or 2h` });
    return z.NEVER;
  }
  return millis;
});

const AES_256_KEY_BYTES = 32;

/**
 * Payload encryption keys as `id:base64` pairs separated by commas. Several
 * keys let old histories decrypt after a rotation; only the current one
 * encrypts.
 */
const keyList = z.string().transform((text, ctx) => {
  const keys = new Map<string, Buffer>();
  for (const entry of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const separator = entry.indexOf(':');
    const id = entry.slice(0, separator).trim();
    const key = Buffer.from(entry.slice(separator + 1), 'base64');
    if (separator <= 0 || !/^[A-Za-z0-9._-]{1,64}$/.test(id)) {
      ctx.addIssue({
        code: 'custom',
        message: 'each key must be written id:base64 with a short id of letters, digits, . _ -',
      });
    } else if (key.length !== AES_256_KEY_BYTES) {
      ctx.addIssue({ code: 'custom', message: `key "${id}" decodes to ${key.length} bytes; AES-256 needs 32` });
    } else if (keys.has(id)) {
      ctx.addIssue({ code: 'custom', message: `key id "${id}" appears twice` });
    } else {
      keys.set(id, key);
    }
  }
  if (keys.size === 0 && ctx.issues.length === 0)
    ctx.addIssue({ code: 'custom', message: 'at least one key is required' });
  return readOnly(keys);
});

/** The keyring must not change after start-up; freezing a Map does not stop `set`, so these methods refuse. */
function readOnly<K, V>(map: Map<K, V>): ReadonlyMap<K, V> {
  for (const method of ['set', 'delete', 'clear']) {
    Object.defineProperty(map, method, {
      value: () => {
        throw new TypeError('The encryption keyring is read-only');
      },
    });
  }
  return Object.freeze(map);
}

const escalationLevel = z
  .object({
    after: duration,
    email: z.array(z.email()).min(1),
    /** On-call mobile numbers paged by SMS alongside the email; optional. */
    sms: z.array(z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +15555550123')).optional(),
  })
  .strict();

/** One person in legal or the privacy office who receives deadline reminders; SMS is optional. */
const legalContact = z
  .object({
    name: z.string().min(1),
    email: z.email(),
    sms: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +15555550123')
      .optional(),
  })
  .strict();

/** The reminder offsets the issue asks for by default: 30, 14, 7, 3 and 1 days before each deadline. */
const DEFAULT_REMINDER_DAYS_BEFORE = [30, 14, 7, 3, 1];

/**
 * Deadline reminders to legal. Contacts are in escalation order: the first
 * gets every reminder, each overdue day adds the next one.
 */
const legalSection = z
  .object({
    contacts: z.array(legalContact).default([]),
    reminderDaysBefore: z
      .array(z.number().int().min(1).max(365))
      .default(DEFAULT_REMINDER_DAYS_BEFORE)
      .refine((list) => new Set(list).size === list.length, 'must not repeat a day'),
    /** The local hour (in the entity's zone) at which a day's reminders go out. */
    reminderHour: z.number().int().min(0).max(23).default(9),
  })
  .strict();

/** The responder API (src/api/). Defaults suit one machine; behind a proxy set trustProxy. */
const apiSection = z
  .object({
    host: z.string().min(1).default('127.0.0.1'),
    port: z.coerce.number().int().min(0).max(65_535).default(8080),
    /** Requests per token (or, without one, per address) per minute. */
    rateLimitPerMinute: z.coerce.number().int().min(1).default(600),
    /** About 10,000 audit events. */
    bodyLimitBytes: z.coerce
      .number()
      .int()
      .min(1024)
      .default(16 * 1024 * 1024),
    /** Believe X-Forwarded-For: only when a TLS-terminating proxy sets it (production). */
    trustProxy: z.boolean().default(false),
    /**
     * The Temporal Web UI's origin (scheme, host, port), the one origin whose
     * pages may call the codec endpoint from a browser; unset, none may.
     */
    codecCorsOrigin: z
      .url({ protocol: /^https?$/, error: 'must be an http:// or https:// origin' })
      .refine((url) => new URL(url).origin === url, 'must be an origin only, such as https://temporal.example.org')
      .optional(),
  })
  .strict();

/** A provider's allowance: sends started per second, and sends in flight at once. */
const providerLimit = z.object({ perSecond: z.number().positive(), concurrency: z.number().int().min(1) }).strict();

/**
 * Patient notification (src/notification/). The rates are per worker
 * process; the defaults suit a small relay, Twilio's ten-a-second long-code
 * queue, and a two-core machine rendering letter PDFs.
 */
const notificationSection = z
  .object({
    /** Where letter PDFs and mail-house manifests go; default `<dataDir>/letters`. */
    lettersDir: z.string().min(1).optional(),
    limits: z
      .object({
        email: providerLimit.default({ perSecond: 200, concurrency: 20 }),
        sms: providerLimit.default({ perSecond: 10, concurrency: 5 }),
        mail: providerLimit.default({ perSecond: 100, concurrency: 2 }),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .prefault({});

export const configSchema = z
  .object({
    mode: z.enum(Modes),
    dataDir: z.string().min(1),
    logLevel: z.enum(LogLevels),
    temporal: z
      .object({
        address: z.string().min(1).optional(),
        namespace: z.string().min(1),
        taskQueue: z.string().min(1),
        devServerPort: z.coerce.number().int().min(1).max(65535),
        uiPort: z.coerce.number().int().min(1).max(65535),
      })
      .strict(),
    encryption: z
      .object({
        keys: keyList,
        currentKeyId: z.string().min(1),
      })
      .strict(),
    mail: z
      .object({
        smtpUrl: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
        from: z.email(),
      })
      .strict(),
    escalation: z
      .object({
        levels: z.array(escalationLevel).min(1),
      })
      .strict(),
    database: z
      .object({
        /** PostgreSQL; without it the store is PGlite in the data folder. */
        url: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
      })
      .strict(),
    api: apiSection,
    audit: z
      .object({
        /** Signs audit-chain checkpoints (HMAC-SHA256); 32 characters at least. */
        checkpointKey: z.string().min(32, 'must be at least 32 characters'),
      })
      .strict(),
    legal: legalSection,
    detection: z
      .object({
        /** Sigma rule files or folders the sweeper runs; default the PRM rule pack in rules/prm. */
        rules: z.array(z.string().min(1)).min(1).optional(),
        /** The field mapping for those rules; default src/detection/field-mapping.yaml. */
        mapping: z.string().min(1).optional(),
        /** How often the sweeper looks for new events when ingest does not wake it. */
        sweepEvery: z
          .string()
          .regex(/^\d+(ms|s|m|h)$/, 'must be a duration such as 30s or 5m')
          .default('30s'),
        /** IANA zone for the rules' hour-of-day fields (shifts); default UTC. */
        timeZone: z.string().min(1).optional(),
      })
      .strict()
      .default({ sweepEvery: '30s' }),
    notification: notificationSection,
    sms: smsSection,
    containment: z
      .object({
        /** The platform admin API that containment actions call; required in production. */
        adminApiUrl: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
        /** Signs admin API requests (HMAC-SHA256); 32 characters at least; required in production. */
        signingSecret: z.string().min(32, 'must be at least 32 characters').optional(),
      })
      .strict(),
  })
  .strict()
  .superRefine((config, ctx) => {
    if (!config.encryption.keys.has(config.encryption.currentKeyId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['encryption', 'currentKeyId'],
        message: `no key with id "${config.encryption.currentKeyId}" among the configured keys`,
      });
    }
    const delays = config.escalation.levels.map((level) => level.after);
    if (delays.some((delay, index) => index > 0 && delay <= (delays[index - 1] ?? 0))) {
      ctx.addIssue({
        code: 'custom',
        path: ['escalation', 'levels'],
        message: 'each level must come after the one before',
      });
    }
  })
  .superRefine(requireMailRelayInProduction, { when: () => true })
  .superRefine(requireContainmentInProduction, { when: () => true })
  .superRefine(requireTwilioCallbackInProduction, { when: () => true });

/**
 * Production has no local mail sink, so a relay is required. This check runs
 * even when other settings are bad, so one run reports every missing setting.
 */
function requireMailRelayInProduction(config: { mode?: unknown; mail?: { smtpUrl?: unknown } }, ctx: z.RefinementCtx) {
  if (config.mode === 'production' && config.mail?.smtpUrl === undefined) {
    ctx.addIssue({ code: 'custom', path: ['mail', 'smtpUrl'], message: 'required in production (no mail sink there)' });
  }
}

/**
 * Outside production containment may be left unconfigured (its activities then
 * fail, saying so); production must reach and sign for the platform.
 */
function requireContainmentInProduction(
  config: { mode?: unknown; containment?: { adminApiUrl?: unknown; signingSecret?: unknown } },
  ctx: z.RefinementCtx,
) {
  if (config.mode !== 'production') return;
  for (const setting of ['adminApiUrl', 'signingSecret'] as const) {
    if (config.containment?.[setting] === undefined) {
      ctx.addIssue({ code: 'custom', path: ['containment', setting], message: 'required in production' });
    }
  }
}

export type Config = z.output<typeof configSchema>;
export type EscalationLevel = Config['escalation']['levels'][number];
export type LegalSettings = Config['legal'];
export type LegalContact = LegalSettings['contacts'][number];
export type NotificationSettings = Config['notification'];
