import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { PostalAddress } from '../population/individual';

/**
 * The mail house's folder for one incident: a PDF per letter and, per batch,
 * a manifest CSV listing the letters of that batch with their addresses.
 * Every file is written under a temporary name and renamed into place, so
 * the mail house never picks up half a file, and a batch run again after a
 * crash rewrites the same names instead of adding letters: one letter per
 * individual whatever happens. The folder holds names and addresses: it is
 * PHI and goes to the mail house over the channel the business associate
 * agreement names, not anywhere else.
 */

export interface ManifestEntry {
  letterFile: string;
  individualId: string;
  language: string;
  recipientName: string;
  /** The deceased individual a next-of-kin letter is about. */
  onBehalfOf?: string;
  address: PostalAddress;
}

const MANIFEST_COLUMNS = [
  'letter_file',
  'individual_id',
  'language',
  'recipient_name',
  'on_behalf_of',
  'address_line_1',
  'address_line_2',
  'address_line_3',
  'city',
  'region',
  'postal_code',
  'country',
];

const UNSAFE = /[^A-Za-z0-9._-]/g;

export interface LetterFolder {
  /** The folder of an incident's letters. */
  folderFor(incidentId: string): string;
  writeLetter(incidentId: string, individualId: string, pdf: Buffer): Promise<string>;
  writeManifest(incidentId: string, firstOrdinal: number, lastOrdinal: number, entries: ManifestEntry[]): Promise<void>;
}

async function writeAtomically(file: string, content: Buffer | string): Promise<void> {
  const temporary = `${file}.${process.pid}.partial`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}

function manifestRow(entry: ManifestEntry): string[] {
  const [line1 = '', line2 = '', line3 = ''] = entry.address.lines;
  const { city, region, postalCode, country } = entry.address;
  const { letterFile, individualId, language, recipientName } = entry;

  return [
    letterFile,
    individualId,
    language,
    recipientName,
    entry.onBehalfOf ?? '',
    line1,
    line2,
    line3,
    city,
    region,
    postalCode,
    country,
  ];
}

/** Letter files are named by individual id (FHIR ids: letters, digits, - and .), prefixed so `..` stays a name. */
export function letterFileName(individualId: string): string {
  return `letter-${individualId.replace(UNSAFE, '_')}.pdf`;
}

export function manifestFileName(firstOrdinal: number, lastOrdinal: number): string {
  const pad = (ordinal: number) => String(ordinal).padStart(9, '0');
  return `manifest-${pad(firstOrdinal)}-${pad(lastOrdinal)}.csv`;
}

export function createLetterFolder(root: string): LetterFolder {
  const folderFor = (incidentId: string) => join(root, incidentId.replace(UNSAFE, '_'));

  return {
    folderFor,
    async writeLetter(incidentId, individualId, pdf) {
      const folder = folderFor(incidentId);
      await mkdir(folder, { recursive: true });
      const name = letterFileName(individualId);
      await writeAtomically(join(folder, name), pdf);
      return name;
    },
    async writeManifest(incidentId, firstOrdinal, lastOrdinal, entries) {
      if (entries.length === 0) return;
      const folder = folderFor(incidentId);
      await mkdir(folder, { recursive: true });
      const csv = stringify([MANIFEST_COLUMNS, ...entries.map(manifestRow)], { bom: true });
      await writeAtomically(join(folder, manifestFileName(firstOrdinal, lastOrdinal)), csv);
    },
  };
}
