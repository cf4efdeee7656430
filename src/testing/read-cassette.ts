/** The check of a cassette given to replay: the cassette, or a `TypeError` naming its first broken field. */
import { RequestValidationError } from '../errors.js';
import { checkRequest } from '../schemas/validate.js';
import { type Cassette, CassetteSchema } from './cassette.js';

/** The field's path as a message names it: `exchanges[2].response.status`. */
const fieldOf = (path: readonly PropertyKey[]) =>
  path
    .map((key, at) => (typeof key === 'number' ? `[${key}]` : at ? `.${String(key)}` : String(key)))
    .join('');

/** The cassette checked, or a `TypeError` naming its first broken field. */
export function readCassette(value: unknown): Cassette {
  try {
    return checkRequest(CassetteSchema, value, 'cassette') as Cassette;
  } catch (error) {
    if (!(error instanceof RequestValidationError)) throw error;
    const [issue] = error.issues;
    const where = issue?.path.length ? `\`${fieldOf(issue.path)}\` ` : '';
    throw new TypeError(
      `createFakeServer: \`cassette\` is not a cassette this version reads: ${where}${issue?.message ?? error.message}.`,
    );
  }
}
