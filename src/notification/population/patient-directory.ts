import { z } from 'zod';
import { type RecordProblem, PopulationImportError, toRecordProblems } from './import-problems';
import { type Individual, individualSchema } from './individual';
import { fhirPatientSchema, patientToIndividual } from './fhir-patient';

/** Where affected individuals' contact details come from, by patient id. */
export interface PatientDirectory {
  /** Every id found, in the order given; `missing` lists the ids the directory does not know. */
  lookup(patientIds: readonly string[]): Promise<{ individuals: Individual[]; missing: string[] }>;
}

/** Thrown when the directory cannot be read; says which request failed and how, never which patient. */
export class PatientDirectoryError extends Error {
  constructor(
    readonly status: number | undefined,
    reason: string,
  ) {
    super(`The patient directory could not be read: ${reason}`);
    this.name = 'PatientDirectoryError';
  }
}

const bundleSchema = z.object({
  resourceType: z.literal('Bundle'),
  entry: z.array(z.object({ resource: z.unknown() })).optional(),
});

/** Ids per search; `_id` with a comma list is a FHIR R4 search any server supports, and this keeps URLs short. */
const IDS_PER_SEARCH = 50;

export interface FhirDirectoryOptions {
  baseUrl: string;
  /** Sent as a bearer token when set. */
  token?: string;
  fetch?: typeof fetch;
}

/** A PatientDirectory over a FHIR R4 server's Patient search. */
export function createFhirPatientDirectory(options: FhirDirectoryOptions): PatientDirectory {
  const get = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/$/, '');

  async function search(ids: readonly string[]): Promise<unknown[]> {
    const url = `${base}/Patient?_id=${ids.map(encodeURIComponent).join(',')}&_count=${ids.length}`;
    const headers: Record<string, string> = { accept: 'application/fhir+json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const response = await get(url, { headers }).catch((error: unknown) => {
      throw new PatientDirectoryError(undefined, error instanceof Error ? error.message : 'request failed');
    });
    if (!response.ok) throw new PatientDirectoryError(response.status, `Patient search answered ${response.status}`);
    const bundle = bundleSchema.safeParse(await response.json());
    if (!bundle.success) throw new PatientDirectoryError(response.status, 'Patient search did not return a Bundle');

    return (bundle.data.entry ?? []).map((entry) => entry.resource);
  }

  return {
    async lookup(patientIds) {
      const found = new Map<string, Individual>();
      const problems: RecordProblem[] = [];
      let position = 0;
      for (let start = 0; start < patientIds.length; start += IDS_PER_SEARCH) {
        for (const resource of await search(patientIds.slice(start, start + IDS_PER_SEARCH))) {
          const individual = toIndividual(resource, problems, (position += 1));
          if (individual) found.set(individual.id, individual);
        }
      }
      if (problems.length) throw new PopulationImportError('patient directory', problems);

      const individuals = patientIds.flatMap((id) => found.get(id) ?? []);
      return { individuals, missing: patientIds.filter((id) => !found.has(id)) };
    },
  };
}

function toIndividual(resource: unknown, problems: RecordProblem[], row: number): Individual | undefined {
  const patient = fhirPatientSchema.safeParse(resource);
  if (!patient.success) return void problems.push(...toRecordProblems(row, patient.error));
  const individual = individualSchema.safeParse(patientToIndividual(patient.data));
  if (!individual.success) return void problems.push(...toRecordProblems(row, individual.error));

  return individual.data;
}
