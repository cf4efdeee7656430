import { describe, expect, it } from 'vitest';
import { ResponseValidationError } from '../../src/errors.js';
import {
  flatGuard,
  parseStreamEvent,
  ResponseCompletedEventSchema,
  ResponseTextDeltaEventSchema,
} from '../../src/schemas/index.js';

const delta = {
  type: 'response.output_text.delta',
  item_id: 'msg_1',
  output_index: 0,
  content_index: 0,
  delta: 'Hi',
  logprobs: [],
};

describe('parseStreamEvent', () => {
  it('returns a flat delta event as is, without copying it', () => {
    expect(parseStreamEvent(delta)).toBe(delta);
  });

  it('rejects a delta whose delta is not a string, naming the field', () => {
    const bad = { ...delta, delta: 42 };
    expect(() => parseStreamEvent(bad)).toThrow(ResponseValidationError);
    expect(() => parseStreamEvent(bad)).toThrow(/delta/);
  });

  it('falls back to the full schema for deltas with log probabilities', () => {
    const withLogprobs = { ...delta, logprobs: [{ token: 'Hi', logprob: -0.1 }] };
    expect(parseStreamEvent(withLogprobs)).toEqual(withLogprobs);
  });

  it('lets events of unknown types through', () => {
    const event = { type: 'response.future_thing.delta', sequence_number: 3, x: 1 };
    expect(parseStreamEvent(event)).toEqual(event);
  });
});

describe('flatGuard', () => {
  it('derives a guard for flat event schemas only', () => {
    expect(flatGuard(ResponseTextDeltaEventSchema)).toBeTypeOf('function');
    expect(flatGuard(ResponseCompletedEventSchema)).toBeUndefined();
  });
});
