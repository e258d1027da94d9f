import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { create as createTar, extract as extractTar } from 'tar';
import { CUSTODY_FILE } from '../../src/evidence/manifest';

/**
 * Helpers for tests that tamper with an evidence bundle: unpack it, change
 * something on disk, pack it again the way export-bundle.ts does.
 */

export type Edit = (dir: string) => Promise<void>;

async function membersOf(dir: string): Promise<string[]> {
  const top = await readdir(dir);
  const artifacts = top.includes('artifacts') ? await readdir(join(dir, 'artifacts')) : [];
  return [...top.filter((name) => name !== 'artifacts'), ...artifacts.map((name) => `artifacts/${name}`)];
}

/** Writes `out`: the bundle at `file` with `edit` applied to its unpacked files. */
export async function tamperedCopy(file: string, out: string, edit: Edit): Promise<void> {
  const dir = await mkdtemp(`${out}.unpacked-`);
  try {
    await extractTar({ file, cwd: dir });
    await edit(dir);
    await createTar({ gzip: true, file: out, cwd: dir, portable: true }, await membersOf(dir));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Flips one bit of one byte in the middle of the file. */
export function flipOneByte(path: string): Edit {
  return async (dir) => {
    const bytes = await readFile(join(dir, path));
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0x01;
    await writeFile(join(dir, path), bytes);
  };
}

export function removeFile(path: string): Edit {
  return (dir) => rm(join(dir, path));
}

/** Rewrites one custody.ndjson line (by 0-based index) through `change`. */
export function editCustodyLine(index: number, change: (entry: Record<string, unknown>) => object): Edit {
  return async (dir) => {
    const path = join(dir, CUSTODY_FILE);
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
    lines[index] = JSON.stringify(change(JSON.parse(lines[index] ?? '{}') as Record<string, unknown>));
    await writeFile(path, `${lines.join('\n')}\n`);
  };
}
