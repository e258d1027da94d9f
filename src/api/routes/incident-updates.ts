import type { Client } from '@temporalio/client';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { riskAssessmentSubmissionSchema } from '../../assessment/submission';
import * as incidents from '../../client/incidents';
import type { IncidentStatus } from '../../incidents/incident-state';
import * as requests from '../../incidents/responder-requests';
import { permissions, ResponderAction } from '../../incidents/transitions';
import type { IncidentRole } from '../../incidents/vocabulary';
import { incidentFactsSchema } from '../../obligations/facts';
import type { Database } from '../../store/database';
import { actingRole, askWorkflow, incidentParams, requireIncidentTenant } from '../incident-scope';
import { principalOf } from '../route-access';
import { storedArtifactReference } from './stored-artifact';

/**
 * Every responder update to an incident, one POST route each. Who acts is
 * the token's name and the role is one of the token's roles, never the
 * body's. Authorisation happens twice: the route admits the roles the
 * workflow's permission table names for the action (transitions.ts), and
 * the workflow's own validator then checks role and phase against the
 * incident as it stands, refusing with a reason the API returns as a 409.
 */

export interface Actor {
  actorId: string;
  role: IncidentRole;
}

type ZodPlugin = Parameters<FastifyPluginCallbackZod>[0];

interface UpdateRoute<Body extends z.ZodType> {
  path: string;
  summary: string;
  action: ResponderAction;
  body: Body;
  send(incidentId: string, body: z.output<Body>, actor: Actor): Promise<IncidentStatus>;
}

const WITHOUT_ACTOR = { actorId: true, role: true } as const;

const statusSchema = z.record(z.string(), z.unknown());

function registerUpdate<Body extends z.ZodType>(app: ZodPlugin, route: UpdateRoute<Body>): void {
  const admitted = permissions[route.action].roles;
  app.post(
    `/v1/incidents/:incidentId/${route.path}`,
    {
      config: {
        access: { roles: admitted },
        audit: { action: 'update', resourceType: 'Incident', idParam: 'incidentId' },
      },
      preValidation: requireIncidentTenant,
      schema: {
        summary: route.summary,
        description: `Roles: ${admitted.join(', ')}. The caller is the token's name; the workflow may still refuse (409).`,
        tags: ['responder actions'],
        security: [{ bearer: [] }],
        params: incidentParams,
        body: route.body,
        response: { 200: statusSchema },
      },
    },
    async (request) => {
      const actor = { actorId: principalOf(request).name, role: actingRole(request, admitted) };
      const status = await askWorkflow(() =>
        route.send(request.params.incidentId, request.body as z.output<Body>, actor),
      );

      return status;
    },
  );
}

function registerTriage(app: ZodPlugin, client: Client): void {
  registerUpdate(app, {
    path: 'acknowledge',
    summary: 'Acknowledge the incident, which stops its escalation',
    action: ResponderAction.acknowledge,
    body: requests.acknowledgeRequestSchema.omit(WITHOUT_ACTOR).default({}),
    send: (id, body, actor) => incidents.acknowledgeIncident(client, id, { ...body, ...actor }),
  });
  registerUpdate(app, {
    path: 'assign',
    summary: 'Give the incident to someone',
    action: ResponderAction.assign,
    body: requests.assignRequestSchema.omit(WITHOUT_ACTOR),
    send: (id, body, actor) => incidents.assignIncident(client, id, { ...body, ...actor }),
  });
  registerUpdate(app, {
    path: 'notes',
    summary: "Add a note to the incident's timeline",
    action: ResponderAction.addNote,
    body: requests.noteRequestSchema.omit(WITHOUT_ACTOR),
    send: (id, body, actor) => incidents.addIncidentNote(client, id, { ...body, ...actor }),
  });
  registerUpdate(app, {
    path: 'containment/approve',
    summary: 'Approve an approval-gated containment action, by its index',
    action: ResponderAction.approveContainment,
    body: requests.containmentDecisionSchema.omit(WITHOUT_ACTOR),
    send: (id, body, actor) => incidents.approveContainment(client, id, { ...body, ...actor }),
  });
  registerUpdate(app, {
    path: 'containment/reject',
    summary: 'Reject an approval-gated containment action, by its index',
    action: ResponderAction.rejectContainment,
    body: requests.containmentDecisionSchema.omit(WITHOUT_ACTOR),
    send: (id, body, actor) => incidents.rejectContainment(client, id, { ...body, ...actor }),
  });
}

function registerEvidence(app: ZodPlugin, client: Client, db: Database): void {
  registerUpdate(app, {
    path: 'evidence/attach',
    summary: "Attach an artifact already in the evidence store to the incident's record",
    action: ResponderAction.attachEvidence,
    body: z.object({ artifactId: z.uuid() }).strict(),
    send: async (id, body, actor) => {
      const reference = await storedArtifactReference(db, id, body.artifactId);
      return incidents.attachEvidence(client, id, { ...reference, ...actor });
    },
  });
}

function registerDecisions(app: ZodPlugin, client: Client): void {
  registerUpdate(app, {
    path: 'assessment',
    summary: 'Submit the breach risk assessment (45 CFR 164.402(2) factors)',
    action: ResponderAction.submitAssessment,
    body: z.object({ submission: riskAssessmentSubmissionSchema }).strict(),
    send: (id, body, actor) => incidents.submitAssessment(client, id, { ...body, ...actor }),
  });
  registerUpdate(app, {
    path: 'population',
    summary: 'Set the affected population, by reference and by count per jurisdiction',
    action: ResponderAction.setPopulation,
    body: requests.populationSchema,
    send: (id, body, actor) => incidents.setAffectedPopulation(client, id, { ...body, ...actor }),
  });
  registerUpdate(app, {
    path: 'facts',
    summary: 'Set or correct the breach facts, which start or move the notice clocks',
    action: ResponderAction.setFacts,
    body: z.object({ facts: incidentFactsSchema, reason: requests.setFactsRequestSchema.shape.reason }).strict(),
    send: (id, body, actor) => incidents.setIncidentFacts(client, id, { ...body, ...actor }),
  });
  registerUpdate(app, {
    path: 'false-positive',
    summary: 'End the incident as a false positive; containment is undone',
    action: ResponderAction.markFalsePositive,
    body: requests.markFalsePositiveRequestSchema.omit(WITHOUT_ACTOR),
    send: (id, body, actor) => incidents.markFalsePositive(client, id, { ...body, ...actor }),
  });
  registerUpdate(app, {
    path: 'close',
    summary: 'Close an assessed incident',
    action: ResponderAction.close,
    body: requests.closeRequestSchema.omit(WITHOUT_ACTOR),
    send: (id, body, actor) => incidents.closeIncident(client, id, { ...body, ...actor }),
  });
}

export interface IncidentUpdateRouteOptions {
  client: Client;
  db: Database;
}

export function incidentUpdateRoutes(options: IncidentUpdateRouteOptions): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    registerTriage(app, options.client);
    registerEvidence(app, options.client, options.db);
    registerDecisions(app, options.client);
    done();
  };
}
