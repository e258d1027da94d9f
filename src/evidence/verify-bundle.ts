import { checkCaptures, checkCustodyChain, checkCustodyHead, parseCustodyLog, type Problem } from './check-custody';
import { artifactPath, type Manifest, MANIFEST_FILE, manifestSchema, CUSTODY_FILE } from './manifest';
import { type BundleContents, readBundle } from './read-bundle';

/**
 * Verifies an evidence bundle on its own, with nothing but the file: every
 * artifact is present with the size and SHA-256 the manifest gives, nothing
 * is there that the manifest does not list, the custody log's hashes link up
 * to the head the manifest records, and each artifact's capture entry in the
 * log names the same hash as the manifest. That last check binds the
 * artifacts into the chain: rewriting an artifact and its manifest line
 * together is still caught.
 *
 * What a bundle cannot show on its own is a consistent forgery of all three
 * parts, hashes recomputed throughout. Against that, compare the head hash
 * with one recorded elsewhere when the bundle was made (`expectedHead`).
 */

export interface BundleVerification {
  incidentId?: string;
  artifacts: number;
  custodyEntries: number;
  headHash?: string;
  problems: Problem[];
}

function parseManifest(text: string | undefined): { manifest?: Manifest; problems: Problem[] } {
  const subject = MANIFEST_FILE;
  if (text === undefined) return { problems: [{ subject, problem: 'missing from the bundle' }] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problems: [{ subject, problem: 'not JSON' }] };
  }
  const parsed = manifestSchema.safeParse(value);
  if (parsed.success) return { manifest: parsed.data, problems: [] };

  return { problems: parsed.error.issues.map((i) => ({ subject, problem: `${i.path.join('.')}: ${i.message}` })) };
}

function checkArtifactFiles(manifest: Manifest, contents: BundleContents): Problem[] {
  const problems: Problem[] = [];
  const unlisted = new Set(contents.files.keys());
  for (const artifact of manifest.artifacts) {
    const path = artifactPath(artifact);
    const subject = `artifact ${artifact.id} (${path})`;
    const file = contents.files.get(path);
    unlisted.delete(path);
    if (!file) problems.push({ subject, problem: 'missing from the bundle' });
    else if (file.size !== artifact.size) {
      problems.push({ subject, problem: `altered: ${file.size} bytes, the manifest says ${artifact.size}` });
    } else if (file.sha256 !== artifact.sha256) {
      problems.push({ subject, problem: 'altered: its SHA-256 differs from the manifest' });
    }
  }
  for (const path of unlisted) problems.push({ subject: path, problem: 'extra: not listed in the manifest' });
  for (const path of contents.oddEntries) problems.push({ subject: path, problem: 'unexpected entry in the bundle' });

  return problems;
}

export interface VerifyOptions {
  /** The custody head hash recorded outside the bundle when it was made. */
  expectedHead?: string;
}

export function checkBundle(contents: BundleContents, options: VerifyOptions = {}): BundleVerification {
  const { manifest, problems } = parseManifest(contents.manifestText);
  if (contents.custodyText === undefined) problems.push({ subject: CUSTODY_FILE, problem: 'missing from the bundle' });
  const custody = parseCustodyLog(contents.custodyText ?? '');
  problems.push(...custody.problems);
  const entries = custody.entries;

  if (manifest) {
    problems.push(...checkArtifactFiles(manifest, contents));
    problems.push(...checkCustodyChain(entries, manifest.incidentId));
    problems.push(
      ...checkCustodyHead(
        entries,
        { seq: manifest.custody.headSeq, hash: manifest.custody.headHash },
        "the manifest's",
      ),
    );
    problems.push(...checkCaptures(manifest.artifacts, entries));
  }
  const headHash = manifest?.custody.headHash;
  if (options.expectedHead !== undefined && headHash !== options.expectedHead) {
    problems.push({ subject: 'custody head', problem: 'differs from the head hash recorded outside the bundle' });
  }

  return {
    ...(manifest ? { incidentId: manifest.incidentId } : {}),
    artifacts: manifest?.artifacts.length ?? 0,
    custodyEntries: entries.length,
    ...(headHash ? { headHash } : {}),
    problems,
  };
}

export async function verifyBundle(file: string, options: VerifyOptions = {}): Promise<BundleVerification> {
  return checkBundle(await readBundle(file), options);
}
