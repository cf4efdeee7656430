import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  ChatCompletionChunkSchema,
  ChatCompletionSchema,
  deepValidation,
  envelopeValidation,
  KnownStreamEventSchema,
  parseWire,
  type ResponseValidation,
  type WireSchema,
} from '../../src/schemas/index.js';
import { classify, recordedFiles, recordedObjects } from '../fixtures/recorded.js';

const ErrorBodySchema = z.looseObject({
  error: z.looseObject({ message: z.string(), code: z.nullable(z.string()) }),
});
/** Checks one recorded object as the client would, under a validation policy. */
function check(
  validation: ResponseValidation,
  kind: ReturnType<typeof classify>,
  value: unknown,
  what: string,
) {
  const schemaFor: Record<Exclude<typeof kind, 'event'>, WireSchema> = {
    'chat-chunk': ChatCompletionChunkSchema,
    'chat-completion': ChatCompletionSchema,
    response: validation.response,
    'error-body': ErrorBodySchema,
  };
  return kind === 'event' ? validation.event(value, what) : parseWire(schemaFor[kind], value, what);
}
const policies = [
  ['the default (envelope) validation', envelopeValidation],
  ['deepValidation', deepValidation],
] as const;

const objects = recordedObjects();

describe('recorded fixtures', () => {
  it('finds every recording', () => {
    expect(recordedFiles().length).toBeGreaterThanOrEqual(30);
    expect(objects.length).toBeGreaterThan(1800);
  });

  for (const file of recordedFiles()) {
    for (const [name, validation] of policies) {
      it(`parses every object of ${file} under ${name}`, () => {
        for (const object of objects.filter((o) => o.file === file)) {
          const what = `${object.file}:${object.line}`;
          expect(() => check(validation, classify(object), object.value, what)).not.toThrow();
        }
      });
    }
  }

  it('knows every event type the recorded servers send (none falls to the catch-all)', () => {
    const unknown = objects
      .filter((o) => classify(o) === 'event')
      .filter((o) => !KnownStreamEventSchema.safeParse(o.value).success)
      .map((o) => `${o.file}:${o.line} ${String(o.value.type)}`);
    expect(unknown).toEqual([]);
  });
});
