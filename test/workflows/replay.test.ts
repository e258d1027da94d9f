import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDataConverter } from '../../src/temporal/data-converter';
import { installQuietRuntime, workflowBundle } from '../support/temporal';
import { HISTORIES_DIR, historyFromJson, replayKeyring } from './replay-support';

const histories = readdirSync(HISTORIES_DIR).filter((name) => name.endsWith('.json'));

beforeAll(() => installQuietRuntime());

describe('recorded incident histories', () => {
  it('are there to replay', () => {
    expect(histories.length).toBeGreaterThanOrEqual(2);
  });

  it.each(histories)('%s replays against the current workflow code without nondeterminism', async (name) => {
    const history = historyFromJson(readFileSync(join(HISTORIES_DIR, name), 'utf8'));

    await Worker.runReplayHistory(
      { workflowBundle: await workflowBundle(), dataConverter: createDataConverter(replayKeyring()) },
      history,
      name,
    );
  });
});
