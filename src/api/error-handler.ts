import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ApiProblem } from './problems';

export interface ProblemBody {
  error: string;
  message: string;
  details?: readonly { field: string; problem: string }[];
  requestId: string;
}

/**
 * Client errors Fastify raises itself (unparsable JSON, a body too large, a
 * rate limit). Their own messages can quote the request, so each is answered
 * with a fixed sentence for its status instead.
 */
const CLIENT_ERROR_SENTENCES: Record<number, string> = {
  400: 'The request could not be read',
  413: 'The request body is too large',
  415: 'Unsupported content type; send application/json',
  429: 'Too many requests; slow down and retry later',
};

/** Every error becomes a small JSON body without internals; unexpected ones are logged with the request id. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const requestId = request.id;

    if (error instanceof ApiProblem) {
      const body: ProblemBody = { error: error.code, message: error.message, details: error.details, requestId };
      return reply.status(error.statusCode).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((issue) => ({
        field: `${error.validationContext ?? 'request'}${issue.instancePath.replaceAll('/', '.')}`,
        problem: issue.message ?? 'is invalid',
      }));
      return reply
        .status(400)
        .send({ error: 'invalid-request', message: 'The request is invalid', details, requestId });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const message = CLIENT_ERROR_SENTENCES[status] ?? 'The request was refused';
      return reply.status(status).send({ error: 'client-error', message, requestId });
    }

    request.log.error({ err: error, requestId }, 'API request failed');
    return reply.status(500).send({ error: 'internal', message: 'Internal error; quote the request id', requestId });
  });
}
