import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { freePort } from '../support/free-port';

describe('breachline incidents', () => {
  it('names the address and what to do when no Temporal server answers, exiting 2', async () => {
    const port = await freePort();

    const cli = runCli(['incidents', 'show', 'incident-x'], {
      BREACHLINE_MODE: 'development',
      TEMPORAL_ADDRESS: '',
      TEMPORAL_DEV_SERVER_PORT: String(port),
    });

    expect(await cli.exit()).toBe(2);
    expect(cli.output()).toContain(`No Temporal server answers at 127.0.0.1:${port}: start it with \`npm run dev\``);
  });
});
