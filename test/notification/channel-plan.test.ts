import { describe, expect, it } from 'vitest';
import { fallbackDelivery, planChannels, writtenNoticeLost } from '../../src/notification/channel-plan';
import { dueDeliveries } from '../../src/notification/fan-out/due-deliveries';
import { individual, sampleAddress } from './support/individuals';

const noContact = { email: undefined, mobile: undefined, address: undefined, emailConsent: false };

describe('channel planning', () => {
  it('sends email instead of a letter where the individual agreed to electronic notice, and an SMS prompt', () => {
    expect(planChannels(individual(1))).toEqual({
      deliveries: [
        { channel: 'email', to: 'individual' },
        { channel: 'sms', to: 'individual' },
      ],
    });
  });

  it('sends a first-class letter by default: an email address without consent does not count', () => {
    const plan = planChannels(individual(2, { emailConsent: false, mobile: undefined }));

    expect(plan).toEqual({ deliveries: [{ channel: 'mail', to: 'individual' }] });
  });

  it('writes to the next of kin of a deceased individual, by mail only, and never texts the deceased', () => {
    const deceased = individual(3, { deceased: true, nextOfKin: { name: 'Kin Three', address: sampleAddress } });

    expect(planChannels(deceased)).toEqual({ deliveries: [{ channel: 'mail', to: 'next-of-kin' }] });
  });

  it('owes no substitute notice for a deceased individual whose next of kin has no address', () => {
    const deceased = individual(4, { deceased: true, nextOfKin: { name: 'Kin Four', email: 'kin@example.test' } });

    expect(planChannels(deceased)).toEqual({ deliveries: [], unreachable: 'no-next-of-kin-address' });
  });

  it('counts a living individual without consented email or address toward substitute notice, still texting a known mobile', () => {
    expect(planChannels(individual(5, noContact))).toEqual({ deliveries: [], unreachable: 'substitute-notice' });
    expect(planChannels(individual(6, { ...noContact, mobile: '+16175550106' }))).toEqual({
      deliveries: [{ channel: 'sms', to: 'individual' }],
      unreachable: 'substitute-notice',
    });
  });

  it('falls back to a letter when an electronic channel fails for good, unless a letter is planned or no address is known', () => {
    const emailed = individual(7);
    expect(fallbackDelivery(emailed, planChannels(emailed))).toEqual({ channel: 'mail', to: 'individual' });

    const mailed = individual(8, { emailConsent: false });
    expect(fallbackDelivery(mailed, planChannels(mailed))).toBeUndefined();

    const homeless = individual(9, { address: undefined });
    expect(fallbackDelivery(homeless, planChannels(homeless))).toBeUndefined();
    expect(writtenNoticeLost(homeless, planChannels(homeless), new Set(['email']))).toBe(true);
    expect(writtenNoticeLost(homeless, planChannels(homeless), new Set(['sms']))).toBe(false);
  });
});

describe('due deliveries', () => {
  it('leaves out what the store records as settled and keeps what was left sending or retrying', () => {
    const person = individual(10);
    const recorded = new Map([
      ['email', 'sent'],
      ['sms', 'sending'],
    ] as const);

    expect(dueDeliveries(person, recorded).due).toEqual([{ channel: 'sms', to: 'individual' }]);
    expect(dueDeliveries(person, new Map([['email', 'retrying']])).due.map((d) => d.channel)).toEqual(['email', 'sms']);
  });

  it('owes a letter once a bounce is recorded, even when the bounce was recorded by an earlier attempt', () => {
    const person = individual(11);
    const recorded = new Map([
      ['email', 'failed'],
      ['sms', 'sent'],
    ] as const);

    expect(dueDeliveries(person, recorded).due).toEqual([{ channel: 'mail', to: 'individual' }]);
    expect(dueDeliveries(person, new Map([...recorded, ['mail', 'sent']])).due).toEqual([]);
  });
});
