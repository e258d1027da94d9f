/**
 * The one list of log fields that are never written out. Keys are matched at
 * any depth up to MAX_DEPTH, inside objects and arrays alike. Anything new that
 * can carry PHI or a secret belongs here, and the redaction test then covers it.
 */

/** Fields that identify or describe a patient (HIPAA identifiers and free text). */
export const phiFields = [
  'name',
  'firstName',
  'lastName',
  'fullName',
  'givenName',
  'familyName',
  'patientName',
  'ssn',
  'socialSecurityNumber',
  'birthDate',
  'dateOfBirth',
  'dob',
  'email',
  'emailAddress',
  'phone',
  'phoneNumber',
  'mobile',
  'address',
  'streetAddress',
  'postalCode',
  'mrn',
  'medicalRecordNumber',
  'details',
  'note',
  'notes',
  'freeText',
  'summary',
  'comment',
] as const;

/** Fields that hold credentials or key material. */
export const secretFields = [
  'token',
  'accessToken',
  'refreshToken',
  'apiKey',
  'authToken',
  'password',
  'secret',
  'authorization',
  'Authorization',
  'cookie',
  'Cookie',
  'signature',
  'encryptionKey',
  'keys',
  'smtpUrl',
  'signingSecret',
] as const;

/** How many levels of nesting are searched; deeper PHI must not be logged at all. */
const MAX_DEPTH = 5;

export const REDACTED = '[redacted]';

/** pino `redact` paths for every field at depths 0 through MAX_DEPTH - 1. */
export function redactionPaths(): string[] {
  const paths: string[] = [];
  for (const field of [...phiFields, ...secretFields]) {
    for (let depth = 0; depth < MAX_DEPTH; depth += 1) {
      paths.push([...Array<string>(depth).fill('*'), field].join('.'));
    }
  }
  return paths;
}
