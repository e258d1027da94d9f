import type { TestProject } from 'vitest/node';
import { ensureTemporalBinaries } from '../../src/temporal/binaries';
import { type DevServer, startDevServer } from '../../src/temporal/dev-server';
import { freePort } from './free-port';

let devServer: DevServer | undefined;

/**
 * Runs once before any test process: finds or installs the Temporal binaries
 * (so no two test processes race to install them), then starts one in-memory
 * dev server that integration tests share, each on its own task queue. With
 * TEMPORAL_TEST_ADDRESS set, that server is used instead.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const binaries = ensureTemporalBinaries(process.env, (line) => console.log(`[temporal] ${line}`));
  console.log(`[temporal] CLI ${binaries.cli}, test server ${binaries.testServer}`);
  project.provide('temporalCli', binaries.cli);
  project.provide('temporalTestServer', binaries.testServer);

  const existing = process.env.TEMPORAL_TEST_ADDRESS;
  if (existing) {
    project.provide('temporalAddress', existing);
  } else {
    devServer = await startDevServer({ cliPath: binaries.cli, port: await freePort(), namespace: 'default' });
    project.provide('temporalAddress', devServer.address);
  }

  return async () => {
    await devServer?.stop();
  };
}
