/** The rule a text format's or a function's name follows, checked before anything is sent. */
import { RequestValidationError } from '../errors.js';

/** Names of formats and functions: letters, digits, `_` and `-`, 1 to 64 of them. */
const namePattern = /^[A-Za-z0-9_-]{1,64}$/;

/** Refuses a name the API would refuse, with a {@link RequestValidationError} on `name`. */
export function checkName(name: string, what: string): void {
  if (!namePattern.test(name))
    throw new RequestValidationError(
      [
        {
          path: ['name'],
          message: `must be 1 to 64 letters, digits, _ or - (got ${JSON.stringify(name)})`,
        },
      ],
      what,
    );
}
