import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { list as listTar, type ReadEntry } from 'tar';
import { BundleUnreadableError } from './errors';
import { CUSTODY_FILE, MANIFEST_FILE } from './manifest';

/**
 * Reads a bundle archive without unpacking it to disk: the manifest and the
 * custody log are kept as text, every other file only as its SHA-256 and
 * size, hashed as it streams past, so a bundle of any size is checked in
 * little memory. Nothing in the archive is trusted or written anywhere.
 */

export interface FileDigest {
  sha256: string;
  size: number;
}

export interface BundleContents {
  manifestText?: string;
  custodyText?: string;
  /** Every other regular file, by its path in the archive. */
  files: Map<string, FileDigest>;
  /** Entries a bundle never has: links, devices, a path stored twice. */
  oddEntries: string[];
}

const TEXT_FILES = new Set([MANIFEST_FILE, CUSTODY_FILE]);

function normalisePath(path: string): string {
  return path.replace(/^(\.\/)+/, '');
}

async function readEntry(entry: ReadEntry, path: string, contents: BundleContents): Promise<void> {
  const digest = createHash('sha256');
  const chunks: Buffer[] = [];
  let size = 0;
  entry.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (TEXT_FILES.has(path)) chunks.push(chunk);
    else digest.update(chunk);
  });
  await once(entry, 'end');

  if (path === MANIFEST_FILE && contents.manifestText !== undefined) contents.oddEntries.push(path);
  if (path === CUSTODY_FILE && contents.custodyText !== undefined) contents.oddEntries.push(path);
  if (contents.files.has(path)) contents.oddEntries.push(path);

  if (path === MANIFEST_FILE) contents.manifestText = Buffer.concat(chunks).toString('utf8');
  else if (path === CUSTODY_FILE) contents.custodyText = Buffer.concat(chunks).toString('utf8');
  else contents.files.set(path, { sha256: digest.digest('hex'), size });
}

/** Why the archive could not be read, for the file's owner; programming errors pass through unchanged. */
function unreadable(file: string, error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return error;
  if (code === 'ENOENT') return new BundleUnreadableError(file, 'no such file');
  if (code === 'EISDIR') return new BundleUnreadableError(file, 'it is a folder');
  if (code === 'EACCES') return new BundleUnreadableError(file, 'permission denied');
  if (code.startsWith('TAR_') || code.startsWith('Z_')) {
    return new BundleUnreadableError(file, 'not a gzipped tar archive, or cut short');
  }
  return error;
}

export async function readBundle(file: string): Promise<BundleContents> {
  const contents: BundleContents = { files: new Map(), oddEntries: [] };
  const reads: Promise<void>[] = [];

  try {
    await listTar({
      file,
      strict: true,
      onReadEntry(entry) {
        const path = normalisePath(entry.path);
        if (entry.type === 'File' || entry.type === 'OldFile') reads.push(readEntry(entry, path, contents));
        else if (entry.type !== 'Directory') contents.oddEntries.push(path);
      },
    });
    await Promise.all(reads);
  } catch (error) {
    throw unreadable(file, error);
  }

  return contents;
}
