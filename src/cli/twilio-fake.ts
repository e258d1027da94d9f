import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig } from '../config/load-config';
import type { Config } from '../config/schema';
import { createLogger } from '../logging/logger';
import type { Undeliverable } from '../twilio-fake/fake-behaviour';
import { startTwilioFake } from '../twilio-fake/server';
import { E164 } from '../twilio-fake/validate-create';

/** Where the fake listens when neither --port nor TWILIO_API_BASE_URL says otherwise. */
const DEFAULT_PORT = 7490;

interface TwilioFakeCliOptions {
  port?: number;
  unsubscribed: string[];
  undeliverable: [string, Undeliverable][];
  maxPerSecond?: number;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('must be a port number');
  return port;
}

function parsePositive(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new InvalidArgumentError('must be a positive number');
  return value;
}

function collectNumber(text: string, list: string[]): string[] {
  if (!E164.test(text)) throw new InvalidArgumentError('must be an E.164 number such as +15555550123');
  return [...list, text];
}

/** NUMBER=CODE, e.g. +15555550123=30003; a 3xxxx code, delivered as `undelivered`. */
function collectUndeliverable(text: string, list: [string, Undeliverable][]): [string, Undeliverable][] {
  const [number = '', code = ''] = text.split('=');
  if (!E164.test(number) || !/^3\d{4}$/.test(code))
    throw new InvalidArgumentError('must be NUMBER=CODE with a 3xxxx carrier code, e.g. +15555550123=30003');
  return [...list, [number, { errorCode: Number(code) }]];
}

/** The port of the configured API base URL, so the worker and the fake agree without flags. */
function configuredPort(config: Readonly<Config>): number {
  const url = config.sms.twilio.apiBaseUrl;
  if (!url) return DEFAULT_PORT;
  const { port, protocol } = new URL(url);
  return port ? Number(port) : protocol === 'https:' ? 443 : 80;
}

function untilStopped(): Promise<void> {
  return new Promise((stopped) => {
    process.once('SIGINT', () => stopped());
    process.once('SIGTERM', () => stopped());
  });
}

/** Runs the fake with the configured account SID and auth token until Ctrl-C. */
async function runTwilioFake(options: TwilioFakeCliOptions): Promise<void> {
  const config = loadConfig();
  const { accountSid, authToken } = config.sms.twilio;
  if (!accountSid || !authToken) {
    const problem = 'required to run the Twilio fake';
    throw new ConfigError([
      ...(accountSid ? [] : [{ setting: 'sms.twilio.accountSid (TWILIO_ACCOUNT_SID)', problem }]),
      ...(authToken ? [] : [{ setting: 'sms.twilio.authToken (TWILIO_AUTH_TOKEN)', problem }]),
    ]);
  }
  const logger = createLogger({ level: config.logLevel });

  const fake = await startTwilioFake({
    accountSid,
    authToken,
    port: options.port ?? configuredPort(config),
    behaviour: {
      unsubscribed: options.unsubscribed,
      undeliverable: Object.fromEntries(options.undeliverable),
      maxRequestsPerSecond: options.maxPerSecond,
    },
    logger,
  });
  logger.info({ url: fake.url }, 'Twilio Messages API fake listening; press Ctrl-C to stop');
  await untilStopped();
  await fake.stop();
  logger.info({ messages: fake.messages.size, callbacks: fake.callbacks.length }, 'Twilio fake stopped');
}

export function twilioFakeCommand(): Command {
  return new Command('twilio-fake')
    .description("Run a local fake of Twilio's Messages API that the worker's Twilio SDK can send to")
    .option('--port <port>', 'port to listen on (default: that of TWILIO_API_BASE_URL, else 7490)', parsePort)
    .option('--unsubscribed <number>', 'a number that opted out (answered 21610); repeatable', collectNumber, [])
    .option(
      '--undeliverable <number=code>',
      'a number the carrier cannot reach, e.g. +15555550123=30003; repeatable',
      collectUndeliverable,
      [],
    )
    .option('--max-per-second <n>', 'answer 20429 past this many messages a second', parsePositive)
    .action(runTwilioFake);
}
