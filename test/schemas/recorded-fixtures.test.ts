import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  ChatCompletionChunkSchema,
  ChatCompletionSchema,
  KnownStreamEventSchema,
  parseWire,
  ResponseSchema,
  ResponseStreamEventSchema,
  type WireSchema,
} from '../../src/schemas/index.js';
import { classify, recordedFiles, recordedObjects } from '../fixtures/recorded.js';

const ErrorBodySchema = z.looseObject({
  error: z.looseObject({ message: z.string(), code: z.nullable(z.string()) }),
});
const schemaFor: Record<ReturnType<typeof classify>, WireSchema> = {
  event: ResponseStreamEventSchema,
  'chat-chunk': ChatCompletionChunkSchema,
  'chat-completion': ChatCompletionSchema,
  response: ResponseSchema,
  'error-body': ErrorBodySchema,
};

const objects = recordedObjects();

describe('recorded fixtures', () => {
  it('finds every recording', () => {
    expect(recordedFiles().length).toBeGreaterThanOrEqual(30);
    expect(objects.length).toBeGreaterThan(1800);
  });

  for (const file of recordedFiles()) {
    it(`parses every object of ${file} under default validation`, () => {
      for (const object of objects.filter((o) => o.file === file)) {
        const what = `${object.file}:${object.line}`;
        expect(() => parseWire(schemaFor[classify(object)], object.value, what)).not.toThrow();
      }
    });
  }

  it('knows every event type the recorded servers send (none falls to the catch-all)', () => {
    const unknown = objects
      .filter((o) => classify(o) === 'event')
      .filter((o) => !KnownStreamEventSchema.safeParse(o.value).success)
      .map((o) => `${o.file}:${o.line} ${String(o.value.type)}`);
    expect(unknown).toEqual([]);
  });
});
