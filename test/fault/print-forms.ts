/**
 * Every form an error prints in, and the check that none shows a key: for the secrets tests.
 * Keys of three lengths: one character, a common word, and a real-looking `sk-proj-…` key.
 */
import { inspect } from 'node:util';
import { expect } from 'vitest';

/** A one-character key, a key that is a common word, and a real-looking one. */
export const keys = ['k', 'test', 'sk-proj-Zx81_aQ-9vLmP2rT7yW4nB6cD0eF3gH5jK8mN1pQ'] as const;

/**
 * How a server (or a proxy, or the network) echoes what it received, in the words of the error
 * it sends back: the header as sent, the key as a query value, and the key between markers.
 */
export const echo = (key: string) =>
  `rejected authorization: Bearer ${key} (key=${key}) <<${key}>> "${key}"`;

/** Where a key shows in an echo: a short key is a whole word, not a piece of `latest`. */
const contexts = (key: string) => [`Bearer ${key}`, `key=${key}`, `<<${key}>>`, `"${key}"`];

/** Every form the error prints in, each as text: message, toString, stack, causes, JSON, inspect, fields. */
export function printForms(error: unknown): Record<string, string> {
  const forms: Record<string, string> = {};
  const err = error as Error & Record<string, unknown>;
  forms.message = String(err.message);
  forms['String(error)'] = String(err);
  forms.stack = String(err.stack);
  forms.JSON = JSON.stringify(err) ?? '';
  forms.inspect = inspect(err, { depth: 20, showHidden: true });
  for (const [name, value] of Object.entries(err)) {
    forms[`field ${name}`] =
      value instanceof Headers
        ? JSON.stringify([...value])
        : (JSON.stringify(value) ?? String(value));
  }
  let cause = err.cause as (Error & { cause?: unknown }) | undefined;
  for (let depth = 0; cause !== undefined && depth < 5; depth++) {
    forms[`cause ${depth}`] = `${String(cause)} ${String(cause.stack)} ${inspect(cause, {
      depth: 20,
      showHidden: true,
    })}`;
    cause = cause.cause as (Error & { cause?: unknown }) | undefined;
  }
  return forms;
}

/** The names of the forms that show `key` (for a long key, anywhere; for a short one, as echoed). */
export function formsShowing(error: unknown, key: string): string[] {
  const needles = key.length >= 16 ? [key] : contexts(key);
  return Object.entries(printForms(error))
    .filter(([, text]) => needles.some((needle) => text.includes(needle)))
    .map(([name]) => name);
}

/** Expects an error that shows no key in any form, and says `[redacted]` where the key was. */
export function expectRedacted(error: unknown, key: string): void {
  expect(error).toBeInstanceOf(Error);
  expect(formsShowing(error, key), `the forms that show ${JSON.stringify(key)}`).toEqual([]);
  expect(printForms(error).inspect).toContain('[redacted]');
}
