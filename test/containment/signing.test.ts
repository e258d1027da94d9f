import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalRequest,
  ReplayGuard,
  type SignableRequest,
  SignatureHeader,
  signRequest,
  verifySignedRequest,
} from '../../src/containment/signing';

const SECRET = 'signing-secret-for-tests-0123456789abcdef';
const NOW = 1_793_000_000;

const request: SignableRequest = {
  method: 'POST',
  path: '/admin/users/u-204/suspend',
  requestId: 'incident-st-elsewhere-0a1b.0.apply',
  body: '{"tenantId":"st-elsewhere","incidentId":"incident-st-elsewhere-0a1b"}',
};

function verify(
  received: SignableRequest,
  headers: Record<string, string | undefined>,
  options: { now?: number; guard?: ReplayGuard; secret?: string } = {},
) {
  return verifySignedRequest(
    { method: received.method, path: received.path, body: received.body, headers },
    { secret: options.secret ?? SECRET, replayGuard: options.guard ?? new ReplayGuard(), now: options.now ?? NOW },
  );
}

describe('request signing', () => {
  it('signs the documented canonical string with HMAC-SHA256', () => {
    const bodyDigest = createHash('sha256').update(request.body).digest('hex');
    const nonce = '0123456789abcdef0123456789abcdef';
    const canonical = `v1\n${NOW}\n${nonce}\nPOST\n/admin/users/u-204/suspend\nincident-st-elsewhere-0a1b.0.apply\n${bodyDigest}`;

    const headers = signRequest(request, SECRET, NOW, nonce);

    expect(canonicalRequest(request, NOW, nonce)).toBe(canonical);
    expect(headers).toEqual({
      'x-breachline-timestamp': String(NOW),
      'x-breachline-nonce': nonce,
      'x-breachline-signature': `v1=${createHmac('sha256', SECRET).update(canonical).digest('hex')}`,
      'x-breachline-request-id': request.requestId,
    });
  });

  it('verifies what it signed, returning the request id', () => {
    const result = verify(request, signRequest(request, SECRET, NOW));

    expect(result).toEqual({ ok: true, requestId: request.requestId, timestamp: NOW });
  });

  it.each([
    ['method', { method: 'DELETE' }],
    ['path', { path: '/admin/users/u-205/suspend' }],
    ['body', { body: request.body.replace('st-elsewhere', 'st-nowhere') }],
    ['request id', { requestId: 'incident-st-elsewhere-0a1b.1.apply' }],
  ])('refuses a request whose %s was changed after signing', (_part, change) => {
    const headers = signRequest(request, SECRET, NOW);
    const changed = { ...request, ...change };

    const result = verify(changed, { ...headers, [SignatureHeader.requestId]: changed.requestId });

    expect(result).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a signature made with another secret', () => {
    const headers = signRequest(request, 'another-secret-of-the-same-length-012345', NOW);

    expect(verify(request, headers)).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a timestamp moved after signing', () => {
    const headers = { ...signRequest(request, SECRET, NOW), [SignatureHeader.timestamp]: String(NOW - 1) };

    expect(verify(request, headers)).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('accepts a timestamp 300 s off either way and refuses one 301 s off', () => {
    expect(verify(request, signRequest(request, SECRET, NOW - 300))).toMatchObject({ ok: true });
    expect(verify(request, signRequest(request, SECRET, NOW + 300))).toMatchObject({ ok: true });
    expect(verify(request, signRequest(request, SECRET, NOW - 301))).toMatchObject({ ok: false, reason: 'stale' });
    expect(verify(request, signRequest(request, SECRET, NOW + 301))).toMatchObject({ ok: false, reason: 'stale' });
  });

  it('refuses the same signed request a second time as a replay', () => {
    const guard = new ReplayGuard();
    const headers = signRequest(request, SECRET, NOW);

    expect(verify(request, headers, { guard })).toMatchObject({ ok: true });
    expect(verify(request, headers, { guard, now: NOW + 200 })).toMatchObject({ ok: false, reason: 'replayed' });
  });

  it('signs a second send within the same second differently, so the retry is not taken for a replay', () => {
    const guard = new ReplayGuard();
    const first = signRequest(request, SECRET, NOW);
    const second = signRequest(request, SECRET, NOW);

    expect(second[SignatureHeader.signature]).not.toBe(first[SignatureHeader.signature]);
    expect(verify(request, first, { guard })).toMatchObject({ ok: true });
    expect(verify(request, second, { guard })).toMatchObject({ ok: true });
  });

  it('refuses a nonce that is missing or not 32 hex digits', () => {
    const { [SignatureHeader.nonce]: _nonce, ...withoutNonce } = signRequest(request, SECRET, NOW);

    expect(verify(request, withoutNonce)).toMatchObject({ ok: false, reason: 'unsigned' });
    expect(verify(request, { ...withoutNonce, [SignatureHeader.nonce]: 'nonce' })).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
  });

  it('accepts a retry of the same request id signed afresh', () => {
    const guard = new ReplayGuard();

    expect(verify(request, signRequest(request, SECRET, NOW), { guard })).toMatchObject({ ok: true });
    expect(verify(request, signRequest(request, SECRET, NOW + 5), { guard, now: NOW + 5 })).toMatchObject({ ok: true });
  });

  it('does not let a forged signature poison the replay guard', () => {
    const guard = new ReplayGuard();
    const genuine = signRequest(request, SECRET, NOW);

    verify(request, { ...genuine, [SignatureHeader.timestamp]: String(NOW + 1) }, { guard });

    expect(verify(request, genuine, { guard })).toMatchObject({ ok: true });
  });

  it('refuses a request with any of the three headers missing as unsigned', () => {
    const headers = signRequest(request, SECRET, NOW);

    for (const name of Object.values(SignatureHeader)) {
      expect(verify(request, { ...headers, [name]: undefined })).toMatchObject({ ok: false, reason: 'unsigned' });
    }
  });

  it('refuses malformed signature and timestamp headers', () => {
    const headers = signRequest(request, SECRET, NOW);

    const noVersion = { ...headers, [SignatureHeader.signature]: headers[SignatureHeader.signature].slice(3) };
    const fractional = { ...headers, [SignatureHeader.timestamp]: `${NOW}.5` };
    const badId = { ...headers, [SignatureHeader.requestId]: 'has spaces in it' };

    expect(verify(request, noVersion)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(verify(request, fractional)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(verify(request, badId)).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('will not sign a request id that could not travel in a header', () => {
    expect(() => signRequest({ ...request, requestId: 'line\nbreak' }, SECRET, NOW)).toThrow(RangeError);
  });
});

describe('ReplayGuard', () => {
  it('forgets a signature once its window has passed, and remembers one still inside it', () => {
    const guard = new ReplayGuard();

    expect(guard.seenBefore('a', 100, 0)).toBe(false);
    expect(guard.seenBefore('b', 400, 0)).toBe(false);
    expect(guard.seenBefore('c', 500, 101)).toBe(false);

    expect(guard.seenBefore('a', 700, 101)).toBe(false);
    expect(guard.seenBefore('b', 700, 101)).toBe(true);
  });
});
