import type { Client } from '@temporalio/client';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RequestRefusedError } from '../../client/incidents';
import {
  getNotificationProgress,
  pauseNotification,
  resumeNotification,
  startNotification,
} from '../../client/notification';
import { permissions, ResponderAction } from '../../incidents/transitions';
import { noticeFactsSchema } from '../../notification/notice-facts';
import { actingRole, askWorkflow, incidentParams, requireIncidentTenant } from '../incident-scope';
import { ApiProblem } from '../problems';
import { principalOf } from '../route-access';
import { ApiRole, INCIDENT_READERS } from '../roles';

/**
 * Notifying an incident's affected individuals: start it with the notice
 * text, follow its progress, pause and resume it. The fan-out is a workflow
 * of its own that outlives the incident; these routes find it by incident.
 * Who acts is the token's name, in a role the action admits.
 */

/** Who may pause and resume a running fan-out: the privacy office and legal, admins standing in. */
const FAN_OUT_CONTROLLERS = [ApiRole.privacyOfficer, ApiRole.legal, ApiRole.admin] as const;

const answerSchema = z.record(z.string(), z.unknown());
const controlBodySchema = z
  .object({ reason: z.string().trim().min(1).max(500).optional() })
  .strict()
  .default({});

/** Before it is started there is no fan-out to report on: a 404 with the reason, not a refusal. */
async function progressOf(client: Client, incidentId: string) {
  try {
    return await getNotificationProgress(client, incidentId);
  } catch (error) {
    if (error instanceof RequestRefusedError) throw new ApiProblem(404, 'not-found', error.message);
    throw error;
  }
}

export function notificationRoutes(client: Client): FastifyPluginCallbackZod {
  const starters = permissions[ResponderAction.startNotification].roles;

  return (app, _options, done) => {
    app.post(
      '/v1/incidents/:incidentId/notification',
      {
        config: {
          access: { roles: starters },
          audit: { action: 'update', resourceType: 'Incident', idParam: 'incidentId' },
        },
        preValidation: requireIncidentTenant,
        schema: {
          summary: 'Start notifying the affected individuals with this notice (45 CFR 164.404(c) content)',
          description: `Roles: ${starters.join(', ')}. Needs the population set, in the notification phase.`,
          tags: ['notification'],
          security: [{ bearer: [] }],
          params: incidentParams,
          body: z.object({ notice: noticeFactsSchema }).strict(),
          response: { 200: answerSchema },
        },
      },
      async (request) => {
        const actor = { actorId: principalOf(request).name, role: actingRole(request, starters) };
        const status = await askWorkflow(() =>
          startNotification(client, request.params.incidentId, { ...actor, notice: request.body.notice }),
        );

        return status;
      },
    );

    app.get(
      '/v1/incidents/:incidentId/notification',
      {
        config: {
          access: { roles: INCIDENT_READERS },
          audit: { action: 'read', resourceType: 'Incident', idParam: 'incidentId' },
        },
        preValidation: requireIncidentTenant,
        schema: {
          summary: 'How far notification is: individuals done and queued; notices sent, delivered, failed, fallen back',
          tags: ['notification'],
          security: [{ bearer: [] }],
          params: incidentParams,
          response: { 200: answerSchema },
        },
      },
      async (request) => (await progressOf(client, request.params.incidentId)) as unknown as Record<string, unknown>,
    );

    for (const [path, control] of [
      ['pause', pauseNotification],
      ['resume', resumeNotification],
    ] as const) {
      app.post(
        `/v1/incidents/:incidentId/notification/${path}`,
        {
          config: {
            access: { roles: FAN_OUT_CONTROLLERS },
            audit: { action: 'update', resourceType: 'Incident', idParam: 'incidentId' },
          },
          preValidation: requireIncidentTenant,
          schema: {
            summary: path === 'pause' ? 'Pause sending notices' : 'Send notices again from where the pause left off',
            tags: ['notification'],
            security: [{ bearer: [] }],
            params: incidentParams,
            body: controlBodySchema,
            response: { 200: answerSchema },
          },
        },
        async (request) => {
          const actor = { actorId: principalOf(request).name, role: actingRole(request, FAN_OUT_CONTROLLERS) };
          const progress = await askWorkflow(() =>
            control(client, request.params.incidentId, { ...actor, ...request.body }),
          );

          return progress as unknown as Record<string, unknown>;
        },
      );
    }
    done();
  };
}
