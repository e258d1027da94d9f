import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listArtifacts } from '../../evidence/artifacts';
import { storeUpload } from '../../evidence/capture-records';
import { ArtifactTooLargeError, EvidenceNotFoundError, EvidenceRequestError } from '../../evidence/errors';
import { exportBundle } from '../../evidence/export-bundle';
import { MAX_ARTIFACT_BYTES } from '../../evidence/vocabulary';
import { permissions, ResponderAction } from '../../incidents/transitions';
import type { Database } from '../../store/database';
import { incidentParams, requireIncidentTenant } from '../incident-scope';
import { ApiProblem } from '../problems';
import { principalOf } from '../route-access';
import { INCIDENT_READERS } from '../roles';

/**
 * An incident's evidence: the artifacts' descriptions, a new artifact from a
 * responder, and the bundle archive. Exporting is itself a custody entry
 * under the token's name, exactly as `breachline evidence export` records
 * it. The archive is built in a private folder under the data folder (it
 * holds PHI, so never a shared temporary folder), streamed, and deleted
 * once the answer is sent.
 */

export interface EvidenceRouteOptions {
  db: Database;
  /** Where bundles are built before they are streamed; the configured data folder. */
  dataDir: string;
}

const artifactSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  kind: z.string(),
  name: z.string(),
  mediaType: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  capturedBy: z.string(),
  capturedAt: z.string(),
  source: z.record(z.string(), z.unknown()),
});

const uploadQuery = z
  .object({
    name: z.string().min(1).max(200),
    mediaType: z.string().max(255).optional(),
  })
  .strict();

function asProblem(error: unknown): unknown {
  if (error instanceof EvidenceNotFoundError) return new ApiProblem(404, 'not-found', error.message);
  if (error instanceof ArtifactTooLargeError) return new ApiProblem(413, 'too-large', error.message);
  if (error instanceof EvidenceRequestError) {
    const details = error.problems.map((problem) => ({ field: 'request', problem }));
    return ApiProblem.invalid('The evidence request is invalid', details);
  }
  return error;
}

async function buildBundle(options: EvidenceRouteOptions, incidentId: string, actor: string) {
  const exportsDir = join(options.dataDir, 'api-exports');
  await mkdir(exportsDir, { recursive: true, mode: 0o700 });
  const folder = await mkdtemp(join(exportsDir, 'bundle-'));
  try {
    const report = await exportBundle(options.db, { incidentId, actor, out: join(folder, 'bundle.tar.gz') });
    return { report, folder };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw asProblem(error);
  }
}

export function evidenceRoutes(options: EvidenceRouteOptions): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: MAX_ARTIFACT_BYTES },
      (_request, body, parsed) => parsed(null, body),
    );

    app.get(
      '/v1/incidents/:incidentId/evidence',
      {
        config: {
          access: { roles: INCIDENT_READERS },
          audit: { action: 'read', resourceType: 'Incident', idParam: 'incidentId' },
        },
        preValidation: requireIncidentTenant,
        schema: {
          summary: "The incident's evidence artifacts with their hashes, without their content",
          tags: ['evidence'],
          security: [{ bearer: [] }],
          params: incidentParams,
          response: { 200: z.object({ artifacts: z.array(artifactSchema) }) },
        },
      },
      async (request) => ({ artifacts: await listArtifacts(options.db, request.params.incidentId) }),
    );

    const uploaders = permissions[ResponderAction.attachEvidence].roles;
    app.post(
      '/v1/incidents/:incidentId/evidence',
      {
        config: {
          access: { roles: uploaders },
          audit: { action: 'create', resourceType: 'Incident', idParam: 'incidentId' },
        },
        preValidation: requireIncidentTenant,
        schema: {
          summary: 'Store a file as evidence, byte for byte (application/octet-stream); attach it with evidence/attach',
          tags: ['evidence'],
          security: [{ bearer: [] }],
          params: incidentParams,
          querystring: uploadQuery,
          response: { 201: z.object({ artifact: artifactSchema, created: z.boolean() }) },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) {
          throw new ApiProblem(415, 'unsupported-media-type', 'Send the file as application/octet-stream');
        }
        const upload = {
          incidentId: request.params.incidentId,
          actor: principalOf(request).name,
          name: request.query.name,
          mediaType: request.query.mediaType,
        };
        const stored = await storeUpload(options.db, upload, request.body).catch((error: unknown) => {
          throw asProblem(error);
        });

        return reply.status(201).send(stored);
      },
    );

    app.get(
      '/v1/incidents/:incidentId/evidence/bundle',
      {
        config: {
          access: { roles: INCIDENT_READERS },
          audit: { action: 'export', resourceType: 'Incident', idParam: 'incidentId' },
        },
        preValidation: requireIncidentTenant,
        schema: {
          summary: 'The evidence bundle (tar.gz: manifest, artifacts, custody log); the export is logged in custody',
          description:
            'Answers application/gzip. X-Custody-Head carries the head hash for `evidence verify --expect-head`.',
          tags: ['evidence'],
          security: [{ bearer: [] }],
          params: incidentParams,
        },
      },
      async (request, reply) => {
        const { incidentId } = request.params;
        const { report, folder } = await buildBundle(options, incidentId, principalOf(request).name);
        const stream = createReadStream(report.file);
        stream.once('close', () => void rm(folder, { recursive: true, force: true }));

        return reply
          .type('application/gzip')
          .header('content-disposition', `attachment; filename="${incidentId}-evidence.tar.gz"`)
          .header('x-custody-head', report.headHash)
          .send(stream);
      },
    );
    done();
  };
}
