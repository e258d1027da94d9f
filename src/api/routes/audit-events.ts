import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEventSchema } from '../../audit/event';
import { BatchRejectedError, ingest } from '../../audit/ingest';
import type { Database } from '../../store/database';
import { ApiProblem } from '../problems';
import { principalOf } from '../route-access';
import { ApiRole } from '../roles';

/**
 * The documented shape of one event. `details` is described as a free
 * object because the recursive any-JSON schema does not survive conversion
 * to OpenAPI; ingest itself still checks it with the store's own schema.
 */
const documentedEventSchema = auditEventSchema.extend({ details: z.record(z.string(), z.unknown()).default({}) });

/** A batch larger than this is better sent as a file through `breachline ingest`. */
export const MAX_BATCH_RECORDS = 10_000;

const reportSchema = z.object({
  received: z.number().int(),
  stored: z.number().int(),
  duplicates: z.number().int(),
  tenants: z.array(z.object({ tenantId: z.string(), firstSeq: z.number().int(), lastSeq: z.number().int() })),
});

export interface AuditEventRouteOptions {
  db: Database;
  /** Called after a batch is committed, e.g. to wake the detection sweep; its failure does not fail the call. */
  afterIngest?: (tenantId: string) => Promise<void>;
}

/**
 * Audit events in the platform's shape, stored atomically in the caller's
 * tenant: the whole batch or, naming every bad record, none of it.
 */
export function auditEventRoutes(options: AuditEventRouteOptions): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.post(
      '/v1/audit-events',
      {
        config: { access: { roles: [ApiRole.ingest] } },
        schema: {
          summary: "Store a batch of audit events in the token's tenant",
          tags: ['ingest'],
          security: [{ bearer: [] }],
          body: z.array(documentedEventSchema).min(1).max(MAX_BATCH_RECORDS),
          response: { 201: reportSchema },
        },
      },
      async (request, reply) => {
        const { tenantId } = principalOf(request);
        const report = await storeBatch(options.db, request.body, tenantId);
        await options.afterIngest?.(tenantId).catch((error: unknown) => {
          request.log.warn({ err: error, tenantId }, 'Could not signal the detection sweep after ingest');
        });
        return reply.status(201).send(report);
      },
    );
    done();
  };
}

async function storeBatch(db: Database, records: readonly unknown[], tenantId: string) {
  try {
    return await ingest(db, records, { tenantId });
  } catch (error) {
    if (!(error instanceof BatchRejectedError)) throw error;
    const details = error.problems.map((p) => ({ field: `body.${p.index}.${p.field}`, problem: p.problem }));
    throw ApiProblem.invalid(`Batch of ${error.received} records rejected, nothing stored`, details);
  }
}
