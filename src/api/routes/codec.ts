import fastifyCors from '@fastify/cors';
import type { Payload } from '@temporalio/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config/schema';
import { EncryptionCodec } from '../../temporal/encryption-codec';
import { ApiProblem } from '../problems';
import { ApiRole } from '../roles';

/**
 * A remote codec for the Temporal Web UI and CLI (`--codec-endpoint`):
 * POST /codec/decode and /codec/encode take and answer
 * `{payloads: [{metadata: {key: base64}, data: base64}]}` and run them
 * through breachline's own encryption codec.
 *
 * Admins only. A payload does not say which tenant's incident it belongs
 * to, so the token's tenant cannot be enforced here: decoding is a read of
 * any tenant's workflow data, which is the operators' reach, not a tenant's
 * privacy officer's. Every decode is written to the audit store as a PHI
 * read under the token's name.
 *
 * Browsers may call it only from the configured Web UI origin
 * (api.codecCorsOrigin); preflights are answered by @fastify/cors before any
 * token is asked for, as the Fetch standard sends none with them.
 *
 * Known shortcoming: the Web UI can send its own login's access token to a
 * codec, not a breachline API token, so from a browser this works only
 * behind a proxy that adds a breachline token; `temporal workflow show
 * --codec-endpoint ... --codec-auth "Bearer <token>"` works as it is.
 */

const base64 = z.base64();

const payloadsSchema = z.object({
  payloads: z
    .array(
      z.object({
        metadata: z.record(z.string(), base64).optional(),
        data: base64.optional(),
      }),
    )
    .max(1000),
});
type PayloadsJson = z.infer<typeof payloadsSchema>;

function fromJson(body: PayloadsJson): Payload[] {
  return body.payloads.map((payload) => ({
    metadata: Object.fromEntries(
      Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, Buffer.from(value, 'base64')]),
    ),
    data: Buffer.from(payload.data ?? '', 'base64'),
  }));
}

const toBase64 = (bytes: Uint8Array | null | undefined): string => Buffer.from(bytes ?? []).toString('base64');

function toJson(payloads: readonly Payload[]): PayloadsJson {
  return {
    payloads: payloads.map((payload) => ({
      metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, v]) => [key, toBase64(v)])),
      data: toBase64(payload.data),
    })),
  };
}

/** A payload that fails to decrypt is named by position only; the cipher's own message says nothing useful. */
async function run(work: () => Promise<Payload[]>): Promise<PayloadsJson> {
  try {
    return toJson(await work());
  } catch {
    throw new ApiProblem(
      422,
      'undecodable',
      'A payload could not be decoded: not encrypted by breachline, altered, or under a key not configured',
    );
  }
}

export function codecRoutes(config: Readonly<Config>): FastifyPluginAsyncZod {
  const codec = new EncryptionCodec(config.encryption);
  // A list, not a string: @fastify/cors then names the origin only to that origin, and no other.
  const origin = config.api.codecCorsOrigin ? [config.api.codecCorsOrigin] : false;

  return async (app) => {
    await app.register(fastifyCors, {
      origin,
      methods: ['POST'],
      allowedHeaders: ['Authorization', 'Content-Type', 'X-Namespace'],
      maxAge: 600,
    });

    const schema = (summary: string) => ({
      summary,
      tags: ['temporal'],
      security: [{ bearer: [] }],
      body: payloadsSchema,
      response: { 200: payloadsSchema },
    });

    app.post(
      '/decode',
      {
        config: {
          access: { roles: [ApiRole.admin] },
          audit: { action: 'read', resourceType: 'TemporalPayload' },
        },
        schema: schema('Decrypt Temporal payloads for the Web UI (remote codec); audited as a PHI read'),
      },
      async (request) => run(() => codec.decode(fromJson(request.body))),
    );
    app.post(
      '/encode',
      { config: { access: { roles: [ApiRole.admin] } }, schema: schema('Encrypt Temporal payloads (remote codec)') },
      async (request) => run(() => codec.encode(fromJson(request.body))),
    );
  };
}
