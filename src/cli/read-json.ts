import { readFile } from 'node:fs/promises';
import { InputFileError } from '../audit/read-records';

/** Reads a JSON input file; one that cannot be read or parsed is named in the error, its content never quoted. */
export async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new InputFileError(`cannot read ${path} (${code})`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new InputFileError(`${path} is not valid JSON`);
  }
}
