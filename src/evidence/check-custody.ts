import { CUSTODY_GENESIS, type CustodyEntry, custodyEntrySchema, custodyHash } from './custody-entry';
import { artifactPath, type ManifestArtifact } from './manifest';
import { CustodyAction } from './vocabulary';

/**
 * Checks a custody log on its own: each entry against its hash, each link to
 * the entry before, seq gap-free from 1. Every problem is named, not just the
 * first, and none hides another:
 *
 *   edited     an entry no longer matches its own hash
 *   rewritten  an entry was given a fresh hash, which the next entry's
 *              prevHash no longer matches
 *   missing    seq skips
 *   foreign    an entry belongs to another incident
 */

export interface Problem {
  /** What is wrong: `artifact <id> (<path>)`, `custody entry 7`, `manifest.json`. */
  subject: string;
  problem: string;
}

export function describeEntry(entry: CustodyEntry): string {
  return `custody entry ${entry.seq} (${entry.action} by ${entry.actor})`;
}

/** Reads custody.ndjson; a line that is not a well-formed entry is a problem named by its line number. */
export function parseCustodyLog(text: string): { entries: CustodyEntry[]; problems: Problem[] } {
  const entries: CustodyEntry[] = [];
  const problems: Problem[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const subject = `custody.ndjson line ${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push({ subject, problem: 'not JSON' });
      return;
    }
    const parsed = custodyEntrySchema.safeParse(value);
    if (parsed.success) entries.push(parsed.data);
    else
      problems.push({
        subject,
        problem: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      });
  });

  return { entries, problems };
}

function checkEntry(entry: CustodyEntry, incidentId: string): Problem[] {
  const problems: Problem[] = [];
  const { prevHash, hash, ...fields } = entry;
  if (entry.incidentId !== incidentId) {
    problems.push({ subject: describeEntry(entry), problem: `foreign: belongs to incident ${entry.incidentId}` });
  }
  if (custodyHash(prevHash, fields) !== hash) {
    problems.push({ subject: describeEntry(entry), problem: 'edited: its content does not match its hash' });
  }
  return problems;
}

export function checkCustodyChain(entries: readonly CustodyEntry[], incidentId: string): Problem[] {
  const problems: Problem[] = [];
  let previous: CustodyEntry | undefined;

  for (const entry of entries) {
    problems.push(...checkEntry(entry, incidentId));
    const expectedSeq = (previous?.seq ?? 0) + 1;
    if (entry.seq !== expectedSeq) {
      const span = entry.seq - 1 > expectedSeq ? `${expectedSeq}..${entry.seq - 1}` : `${expectedSeq}`;
      problems.push({
        subject: `custody entry ${span}`,
        problem: `missing: the log skips from ${expectedSeq - 1} to ${entry.seq}`,
      });
    } else if (entry.prevHash !== (previous?.hash ?? CUSTODY_GENESIS)) {
      problems.push(
        previous
          ? { subject: describeEntry(previous), problem: `rewritten: entry ${entry.seq} does not link to it` }
          : { subject: describeEntry(entry), problem: 'edited: the first entry does not start from the genesis hash' },
      );
    }
    previous = entry;
  }

  return problems;
}

/** Compares the log's end with a head recorded elsewhere (the manifest, the store's head row). */
export function checkCustodyHead(
  entries: readonly CustodyEntry[],
  head: { seq: number; hash: string },
  where: string,
): Problem[] {
  const last = entries.at(-1);
  const lastSeq = last?.seq ?? 0;
  if (head.seq > lastSeq) {
    return [
      { subject: `custody entry ${lastSeq + 1}..${head.seq}`, problem: `missing: the log ends before ${where} head` },
    ];
  }
  if (head.seq < lastSeq) {
    return [
      { subject: `custody entry ${head.seq + 1}..${lastSeq}`, problem: `added: the log runs past ${where} head` },
    ];
  }
  if (last && last.hash !== head.hash) {
    return [{ subject: describeEntry(last), problem: `edited: it is not the head ${where} records` }];
  }
  return [];
}

/** An artifact's description says what its capture entry recorded. */
function matchesCapture(artifact: ManifestArtifact, capture: CustodyEntry): boolean {
  const { details } = capture;
  return (
    details.sha256 === artifact.sha256 &&
    details.size === artifact.size &&
    details.kind === artifact.kind &&
    details.name === artifact.name &&
    details.mediaType === artifact.mediaType &&
    capture.actor === artifact.capturedBy &&
    capture.at === artifact.capturedAt
  );
}

/**
 * Binds artifacts into the chain: every listed artifact has a capture entry
 * that agrees with its description, and every captured artifact is listed.
 */
export function checkCaptures(artifacts: readonly ManifestArtifact[], entries: readonly CustodyEntry[]): Problem[] {
  const problems: Problem[] = [];
  const captures = new Map(
    entries.filter((e) => e.action === CustodyAction.capture && e.artifactId).map((e) => [e.artifactId, e]),
  );
  for (const artifact of artifacts) {
    const subject = `artifact ${artifact.id} (${artifactPath(artifact)})`;
    const capture = captures.get(artifact.id);
    captures.delete(artifact.id);
    if (!capture) problems.push({ subject, problem: 'the custody log has no capture entry for it' });
    else if (!matchesCapture(artifact, capture)) {
      problems.push({
        subject,
        problem: `altered: the manifest differs from its capture (custody entry ${capture.seq})`,
      });
    }
  }
  for (const [artifactId, capture] of captures) {
    problems.push({
      subject: `artifact ${artifactId ?? ''}`,
      problem: `missing: captured (custody entry ${capture.seq}) but not in the manifest`,
    });
  }

  return problems;
}
