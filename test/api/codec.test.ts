import { METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EncryptionCodec } from '../../src/temporal/encryption-codec';
import { type ApiFixture, bearer, startApi } from './api-fixture';

/**
 * The remote codec for the Temporal Web UI: the wire format, the project's
 * own encryption behind it, the audit record of every decode, and CORS for
 * the configured UI origin only.
 */

const UI_ORIGIN = 'https://temporal-ui.hospital.test';

let api: ApiFixture;

beforeAll(async () => {
  api = await startApi((config) => ({ ...config, api: { ...config.api, codecCorsOrigin: UI_ORIGIN } }));
});

afterAll(() => api.close());

const utf8 = (text: string) => new TextEncoder().encode(text);
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function asJson(payloads: Payload[]) {
  return {
    payloads: payloads.map((payload) => ({
      metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, b64(value)])),
      data: b64(payload.data ?? new Uint8Array()),
    })),
  };
}

const plain: Payload = { metadata: { [METADATA_ENCODING_KEY]: utf8('json/plain') }, data: utf8('{"note":"hello"}') };

function post(path: 'decode' | 'encode', body: unknown, headers: Record<string, string> = bearer(api.tokens.admin)) {
  return api.app.inject({ method: 'POST', url: `/codec/${path}`, headers, payload: body as object });
}

describe('the codec endpoint', () => {
  it("decodes what the project's own codec encrypted, in the remote codec format", async () => {
    const encrypted = await new EncryptionCodec(api.config.encryption).encode([plain]);

    const answer = await post('decode', asJson(encrypted));

    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual(asJson([plain]));
  });

  it('encodes payloads so that only the codec can read them', async () => {
    const answer = await post('encode', asJson([plain]));

    const [sealed] = answer.json<ReturnType<typeof asJson>>().payloads;
    expect(Buffer.from(sealed?.metadata.encoding ?? '', 'base64').toString()).toBe('binary/encrypted');
    expect(Buffer.from(sealed?.data ?? '', 'base64').toString()).not.toContain('hello');
    expect((await post('decode', answer.json())).json()).toEqual(asJson([plain]));
  });

  it('answers an altered payload with 422 and a fixed sentence', async () => {
    const [encrypted] = await new EncryptionCodec(api.config.encryption).encode([plain]);
    const data = Buffer.from(encrypted?.data ?? []);
    data[data.length - 1] = (data.at(-1) ?? 0) ^ 1;

    const answer = await post('decode', asJson([{ ...encrypted, data }]));

    expect(answer.statusCode).toBe(422);
    expect(answer.json()).toMatchObject({ error: 'undecodable' });
  });

  it('names a field that is not base64 in a 400', async () => {
    const answer = await post('decode', { payloads: [{ metadata: { encoding: 'not base64!' }, data: '' }] });

    expect(answer.statusCode).toBe(400);
    expect(answer.json<{ details: { field: string }[] }>().details.map((d) => d.field)).toEqual([
      'body.payloads.0.metadata.encoding',
    ]);
  });

  it("writes every decode to the audit store as a PHI read under the token's name", async () => {
    const before = await decodeRows();
    await post('decode', asJson([plain]));
    await post('encode', asJson([plain]));

    const after = await decodeRows();
    expect(after.slice(before.length)).toEqual([{ user_id: 'api:admin-bot', action: 'read', phi_accessed: true }]);
  });
});

async function decodeRows() {
  const { rows } = await api.db.query<{ user_id: string; action: string; phi_accessed: boolean }>(
    "SELECT user_id, action, phi_accessed FROM audit_events WHERE resource_type = 'TemporalPayload' ORDER BY seq",
  );
  return rows;
}

function preflight(app: ApiFixture['app'], origin: string) {
  return app.inject({
    method: 'OPTIONS',
    url: '/codec/decode',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type,x-namespace',
    },
  });
}

describe('CORS on the codec endpoint', () => {
  it('answers a preflight from the configured UI origin, without asking for a token', async () => {
    const answer = await preflight(api.app, UI_ORIGIN);

    expect(answer.statusCode).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe(UI_ORIGIN);
    expect(answer.headers['access-control-allow-methods']).toBe('POST');
    expect(String(answer.headers['access-control-allow-headers']).toLowerCase().replaceAll(' ', '')).toBe(
      'authorization,content-type,x-namespace',
    );
  });

  it('allows no other origin, in preflights or in answers', async () => {
    const refused = await preflight(api.app, 'https://evil.example');
    const answer = await post('decode', asJson([plain]), {
      ...bearer(api.tokens.admin),
      origin: 'https://evil.example',
    });

    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows no origin at all when none is configured', async () => {
    const unconfigured = await startApi((config) => ({
      ...config,
      api: { ...config.api, codecCorsOrigin: undefined },
    }));
    try {
      const answer = await preflight(unconfigured.app, UI_ORIGIN);

      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await unconfigured.close();
    }
  });

  it('sets no CORS headers on routes other than the codec', async () => {
    const answer = await api.app.inject({ url: '/health', headers: { origin: UI_ORIGIN } });

    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
  });
});
