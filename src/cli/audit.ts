import { readFileSync, writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { z } from 'zod';
import {
  checkAgainstCheckpoint,
  type Checkpoint,
  checkpointSchema,
  createCheckpoint,
  hasValidSignature,
} from '../audit/checkpoint';
import { BatchRejectedError } from '../audit/ingest';
import { ingestFile } from '../audit/ingest-file';
import { InputFormat } from '../audit/read-records';
import { type ChainVerification, tenantsWithEvents, verifyTenantChain } from '../audit/verify-chain';
import { loadConfig } from '../config/load-config';
import type { Config } from '../config/schema';
import type { Database } from '../store/database';
import { openStore } from '../store/open-store';
import { progress } from './progress';

async function withStore<T>(work: (db: Database, config: Readonly<Config>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openStore(config);
  try {
    return await work(db, config);
  } finally {
    await db.close();
  }
}

async function runIngest(file: string, options: { format?: InputFormat; tenant?: string }): Promise<void> {
  await withStore(async (db) => {
    const bar = progress('ingest');
    try {
      const started = Date.now();
      const report = await ingestFile(db, file, {
        format: options.format,
        tenantId: options.tenant,
        onProgress: (n) => bar.update(n),
      });
      bar.stop();
      const seconds = (Date.now() - started) / 1000;
      console.log(
        `${report.stored} stored, ${report.duplicates} duplicates of ${report.received} records ` +
          `in ${seconds.toFixed(1)} s (${Math.round(report.received / Math.max(seconds, 0.001))}/s)`,
      );
      for (const t of report.tenants) console.log(`  ${t.tenantId}: seq ${t.firstSeq}..${t.lastSeq}`);
    } catch (error) {
      bar.stop();
      if (!(error instanceof BatchRejectedError)) throw error;
      console.error(error.message);
      process.exitCode = 2;
    }
  });
}

function readCheckpoints(file: string): Checkpoint[] {
  return z.array(checkpointSchema).parse(JSON.parse(readFileSync(file, 'utf8')));
}

function describe(result: ChainVerification): string {
  if (!result.break) return `${result.tenantId}: ok, ${result.events} events, head seq ${result.head.seq}`;
  const { kind, seq, id, detail } = result.break;
  return `${result.tenantId}: BROKEN (${kind}) at seq ${seq}${id ? ` id ${id}` : ''}: ${detail}`;
}

async function runVerify(options: { tenant?: string; checkpoint?: string }): Promise<void> {
  await withStore(async (db, config) => {
    const checkpoints = options.checkpoint ? readCheckpoints(options.checkpoint) : [];
    const forged = checkpoints.filter((c) => !hasValidSignature(c, config.audit.checkpointKey));
    if (forged.length > 0) {
      console.error(`Checkpoint signature invalid for tenant(s): ${forged.map((c) => c.tenantId).join(', ')}`);
      process.exitCode = 1;
      return;
    }

    const known = await tenantsWithEvents(db);
    const tenants = options.tenant ? [options.tenant] : known;
    for (const tenantId of tenants) {
      if (!known.includes(tenantId)) {
        console.log(`${tenantId}: no audit events are stored for this tenant`);
        process.exitCode = 1;
        continue;
      }
      const result = await verifyTenantChain(db, tenantId);
      const checkpoint = checkpoints.find((c) => c.tenantId === tenantId);
      const late = !result.break && checkpoint ? await checkAgainstCheckpoint(db, result, checkpoint) : undefined;
      const final = late ? { ...result, break: late } : result;
      console.log(describe(final));
      if (final.break) process.exitCode = 1;
    }
  });
}

async function runCheckpoint(options: { tenant?: string; out: string }): Promise<void> {
  await withStore(async (db, config) => {
    const tenants = options.tenant ? [options.tenant] : await tenantsWithEvents(db);
    const checkpoints = [];
    for (const tenantId of tenants) checkpoints.push(await createCheckpoint(db, tenantId, config.audit.checkpointKey));
    writeFileSync(options.out, `${JSON.stringify(checkpoints, null, 2)}\n`);
    console.log(`${checkpoints.length} checkpoint(s) written to ${options.out}`);
  });
}

export function ingestCommand(): Command {
  return new Command('ingest')
    .description('Store an audit file (JSON array or NDJSON of platform events, or FHIR AuditEvents) atomically')
    .argument('<file>')
    .addOption(new Option('--format <format>', 'input format (default: detected)').choices(Object.values(InputFormat)))
    .option('--tenant <tenantId>', 'the tenant every record must belong to (required for FHIR)')
    .action(runIngest);
}

export function auditCommand(): Command {
  const audit = new Command('audit').description('Check the audit log for tampering');
  audit
    .command('verify')
    .description('Recompute the hash chains; exit 1 naming the first broken event')
    .option('--tenant <tenantId>', 'only this tenant')
    .option('--checkpoint <file>', 'signed checkpoints to check the chain ends against')
    .action(runVerify);
  audit
    .command('checkpoint')
    .description('Write HMAC-signed chain heads, to catch a truncated tail later')
    .option('--tenant <tenantId>', 'only this tenant')
    .requiredOption('--out <file>', 'where to write them')
    .action(runCheckpoint);
  return audit;
}
