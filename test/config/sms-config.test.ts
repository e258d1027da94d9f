import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load-config';

const ACCOUNT_SID = `AC${'7'.repeat(32)}`;

/** The settings every production config needs from the environment. */
const PRODUCTION = {
  BREACHLINE_MODE: 'production',
  BREACHLINE_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  BREACHLINE_ENCRYPTION_KEY_ID: 'k1',
  SMTP_URL: 'smtps://relay.example.org:465',
  MAIL_FROM: 'breachline@example.org',
  BREACHLINE_CHECKPOINT_KEY: 'c'.repeat(32),
  PRM_ADMIN_URL: 'https://prm.example.org',
  PRM_SIGNING_SECRET: 's'.repeat(32),
  BREACHLINE_CONFIG: '',
};

/** The SMS problems among those the configuration has; escalation levels, say, come from a file not given here. */
function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError)
      return error.problems.filter((p) => p.setting.startsWith('sms.')).map((p) => `${p.setting}: ${p.problem}`);
    throw error;
  }
  return [];
}

describe('SMS settings', () => {
  it('send to the outbox by default, with development Twilio settings that match the local fake', () => {
    const config = loadConfig({});

    expect(config.sms.provider).toBe('outbox');
    expect(config.sms.twilio).toMatchObject({ apiBaseUrl: 'http://127.0.0.1:7490', from: '+15005550006' });
    expect(config.sms.twilio.authToken).toBeDefined();
  });

  it('outside development have no auth token unless one is given, and Twilio then names what is missing', () => {
    const problems = problemsOf({ ...PRODUCTION, BREACHLINE_MODE: 'test', SMS_PROVIDER: 'twilio' });

    expect(problems).toEqual([
      'sms.twilio.accountSid (TWILIO_ACCOUNT_SID): required when the SMS provider is twilio',
      'sms.twilio.authToken (TWILIO_AUTH_TOKEN): required when the SMS provider is twilio',
      'sms.twilio.from (TWILIO_FROM): a from number or messagingServiceSid is required',
    ]);
  });

  it('in production with Twilio require an https status callback URL', () => {
    const twilio = {
      ...PRODUCTION,
      SMS_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: 't'.repeat(32),
      TWILIO_FROM: '+14155550100',
    };

    expect(problemsOf(twilio)).toEqual([
      'sms.twilio.statusCallbackUrl (TWILIO_STATUS_CALLBACK_URL): required in production with Twilio',
    ]);
    expect(problemsOf({ ...twilio, TWILIO_STATUS_CALLBACK_URL: 'http://hooks.example.org/x' })).toEqual([
      'sms.twilio.statusCallbackUrl (TWILIO_STATUS_CALLBACK_URL): must be an https:// URL in production',
    ]);
    expect(problemsOf({ ...twilio, TWILIO_STATUS_CALLBACK_URL: 'https://hooks.example.org/x' })).toEqual([]);
  });

  it('name a malformed account SID, token and sender without quoting them', () => {
    const problems = problemsOf({
      SMS_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: 'ACsecret-ish',
      TWILIO_AUTH_TOKEN: 'short-token',
      TWILIO_MESSAGING_SERVICE_SID: 'MGnope',
    });

    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).not.toMatch(/secret-ish|short-token|MGnope/);
  });
});
