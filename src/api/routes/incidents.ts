import type { Client } from '@temporalio/client';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getIncidentStatus, type IncidentListing, listIncidents } from '../../client/incidents';
import { Phase, Severity, TimelineAction } from '../../incidents/vocabulary';
import { askWorkflow, incidentParams, requireIncidentTenant } from '../incident-scope';
import { principalOf } from '../route-access';
import { INCIDENT_READERS } from '../roles';

/**
 * Reading incidents: the list by search attributes, one incident's status,
 * its timeline. Status and timeline are described loosely in the OpenAPI
 * document: the incident workflow's status shape is still growing, and it
 * is passed through as the workflow answers.
 */

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

const listQuery = z
  .object({
    phase: z.enum(Phase).optional(),
    severity: z.enum(Severity).optional(),
    rule: z
      .string()
      .regex(/^[A-Za-z0-9._:-]{1,200}$/, 'must be a rule id')
      .optional(),
    discoveredSince: z.iso.datetime({ offset: true }).optional(),
    discoveredUntil: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
  })
  .strict();

const listingSchema = z.object({
  incidentId: z.string(),
  status: z.string(),
  phase: z.string().optional(),
  severity: z.string().optional(),
  rules: z.array(z.string()),
  discoveredAt: z.string().optional(),
  nextDeadline: z.string().optional(),
});

const looseObject = z.record(z.string(), z.unknown());

const timelineEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.enum(TimelineAction),
  detail: z.string().optional(),
  note: z.string().optional(),
});

const readIncident = {
  access: { roles: INCIDENT_READERS },
  audit: { action: 'read', resourceType: 'Incident', idParam: 'incidentId' },
} as const;

function describeListing(item: IncidentListing): z.infer<typeof listingSchema> {
  return {
    incidentId: item.incidentId,
    status: item.status,
    phase: item.phase,
    severity: item.severity,
    rules: item.rules,
    discoveredAt: item.discoveredAt?.toISOString(),
    nextDeadline: item.nextDeadline?.toISOString(),
  };
}

export function incidentRoutes(client: Client): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get(
      '/v1/incidents',
      {
        config: { access: { roles: INCIDENT_READERS }, audit: { action: 'read', resourceType: 'Incident' } },
        schema: {
          summary: "List the token's tenant's incidents, newest first, by phase, severity, rule and discovery time",
          tags: ['incidents'],
          security: [{ bearer: [] }],
          querystring: listQuery,
          response: { 200: z.object({ incidents: z.array(listingSchema) }) },
        },
      },
      async (request) => {
        const { phase, severity, rule, discoveredSince, discoveredUntil, limit } = request.query;
        const filter = {
          tenantId: principalOf(request).tenantId,
          phase,
          severity,
          ruleId: rule,
          discoveredSince: discoveredSince === undefined ? undefined : new Date(discoveredSince),
          discoveredUntil: discoveredUntil === undefined ? undefined : new Date(discoveredUntil),
        };
        const listed = await listIncidents(client, filter, { limit });

        return { incidents: listed.map(describeListing) };
      },
    );

    app.get(
      '/v1/incidents/:incidentId',
      {
        config: readIncident,
        preValidation: requireIncidentTenant,
        schema: {
          summary: 'Show an incident: phase, alerts, actions, assessment, timeline',
          tags: ['incidents'],
          security: [{ bearer: [] }],
          params: incidentParams,
          response: { 200: looseObject },
        },
      },
      async (request) => askWorkflow(() => getIncidentStatus(client, request.params.incidentId)),
    );

    app.get(
      '/v1/incidents/:incidentId/timeline',
      {
        config: readIncident,
        preValidation: requireIncidentTenant,
        schema: {
          summary: "An incident's timeline: who did what when, oldest first",
          tags: ['incidents'],
          security: [{ bearer: [] }],
          params: incidentParams,
          response: { 200: z.object({ incidentId: z.string(), timeline: z.array(timelineEntrySchema) }) },
        },
      },
      async (request) => {
        const { incidentId } = request.params;
        const status = await askWorkflow(() => getIncidentStatus(client, incidentId));

        return { incidentId, timeline: status.timeline };
      },
    );
    done();
  };
}
