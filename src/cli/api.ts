import { writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Client } from '@temporalio/client';
import { Command, Option } from 'commander';
import { buildApiServer } from '../api/server';
import { API_ROLES, type ApiRole } from '../api/roles';
import { issueToken, revokeToken } from '../api/tokens';
import { loadConfig } from '../config/load-config';
import { createLogger } from '../logging/logger';
import { wrapPglite } from '../store/database';
import { openStore } from '../store/open-store';
import { withClient } from './with-client';
import { wakeSweeper } from '../client/detection';

/**
 * `breachline api serve` runs the responder API against the configured store
 * and Temporal server; `api token create|revoke` manages its tokens;
 * `api openapi` writes the OpenAPI document (checked in as openapi.json).
 */

async function serve(): Promise<void> {
  await withClient(async (client, config) => {
    const logger = createLogger({ level: config.logLevel });
    const db = await openStore(config);
    const afterIngest = () => wakeSweeper(client, config);
    const app = await buildApiServer({ config, db, client, logger, afterIngest });
    const address = await app.listen({ host: config.api.host, port: config.api.port });
    logger.info({ address }, 'API listening');

    await new Promise<void>((resolve) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
    });
    await app.close();
    await db.close();
  });
}

async function createToken(options: { tenant: string; role: ApiRole[]; name: string }): Promise<void> {
  const config = loadConfig();
  const db = await openStore(config);
  try {
    const { token, tokenId } = await issueToken(db, {
      tenantId: options.tenant,
      name: options.name,
      roles: options.role,
    });
    console.log(`Token ${tokenId} for ${options.name} (${options.role.join(', ')}) in tenant ${options.tenant}:`);
    console.log(token);
    console.log('It is shown only this once; store it in your secret manager.');
  } finally {
    await db.close();
  }
}

async function removeToken(tokenId: string): Promise<void> {
  const config = loadConfig();
  const db = await openStore(config);
  try {
    const revoked = await revokeToken(db, tokenId);
    console.log(revoked ? `Token ${tokenId} revoked` : `No active token ${tokenId}`);
    if (!revoked) process.exitCode = 1;
  } finally {
    await db.close();
  }
}

/** The document is built from the routes themselves; nothing is queried, so an empty store and an idle client do. */
export async function openApiDocument(): Promise<unknown> {
  const config = loadConfig({ BREACHLINE_MODE: 'development' });
  const db = wrapPglite(await PGlite.create());
  const client = new Client();
  const app = await buildApiServer({ config, db, client, logger: createLogger({ level: 'silent' }) });
  try {
    return app.swagger();
  } finally {
    await app.close();
    await db.close();
  }
}

export function apiCommand(): Command {
  const api = new Command('api').description(
    'The responder API: serve it, manage its tokens, write its OpenAPI document',
  );
  api
    .command('serve')
    .description('Run the API (API_HOST, API_PORT) against the configured store and Temporal')
    .action(serve);

  const token = api.command('token').description('API tokens: one tenant and one or more roles each');
  token
    .command('create')
    .description('Issue a token; it is printed once and stored only as a digest')
    .requiredOption('--tenant <tenant>', 'the tenant the token acts in')
    .requiredOption('--name <name>', 'who or what holds it; recorded as the actor in the audit log')
    .addOption(new Option('--role <role...>', 'one or more roles').choices(API_ROLES).makeOptionMandatory())
    .action(createToken);
  token.command('revoke <tokenId>').description('Revoke a token; its id is never reused').action(removeToken);

  api
    .command('openapi')
    .description('Print the OpenAPI document, or write it to a file')
    .option('--out <file>', 'where to write it')
    .action(async (options: { out?: string }) => {
      const text = `${JSON.stringify(await openApiDocument(), null, 2)}\n`;
      if (options.out) writeFileSync(options.out, text);
      else process.stdout.write(text);
    });
  return api;
}
