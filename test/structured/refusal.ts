import { expect } from 'vitest';
import { RequestValidationError } from '../../src/index.js';

/** The issues a schema is refused with, as `path: message` lines (a test fails if it is taken). */
export function refusal(make: () => unknown): string[] {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(RequestValidationError);
    return (error as RequestValidationError).issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
  }
  throw new Error('expected a RequestValidationError');
}
