import spec from './messages-openapi.json';

/**
 * What the fake takes from Twilio's own OpenAPI description of the Messages
 * resource (messages-openapi.json, an unchanged excerpt): the parameter
 * names and patterns it checks requests against, and the fields and status
 * values of the Message it answers with. Twilio's business rules (error
 * codes, opt-outs, delivery) are not in the description; those live in
 * twilio-errors.ts and fake-behaviour.ts.
 */

const OPENAPI_PATH = '/2010-04-01/Accounts/{AccountSid}/Messages.json';

const operation = spec.paths[OPENAPI_PATH].post;
const requestSchema = operation.requestBody.content['application/x-www-form-urlencoded'].schema;
const schemas = spec.components.schemas;

/** The same path in Fastify's syntax. */
export const MESSAGES_ROUTE = OPENAPI_PATH.replace('{AccountSid}', ':AccountSid');

export const API_VERSION = '2010-04-01';

export const accountSidPattern = new RegExp(operation.parameters[0]?.schema.pattern ?? '^AC[0-9a-fA-F]{32}$');

export const messagingServiceSidPattern = new RegExp(requestSchema.properties.MessagingServiceSid.pattern);

export const messageSidPattern = new RegExp(schemas['api.v2010.account.message'].properties.sid.pattern);

/** Every parameter the create operation takes; Twilio ignores others, and so does the fake. */
export const createParameters: readonly string[] = Object.keys(requestSchema.properties);

/** The fields of a Message resource, in the description's order. */
export const messageFields: readonly string[] = Object.keys(schemas['api.v2010.account.message'].properties);

export const MessageStatuses = schemas.message_enum_status.enum as readonly MessageStatus[];
export type MessageStatus =
  | 'queued'
  | 'sending'
  | 'sent'
  | 'failed'
  | 'delivered'
  | 'undelivered'
  | 'receiving'
  | 'received'
  | 'accepted'
  | 'scheduled'
  | 'read'
  | 'partially_delivered'
  | 'canceled';
