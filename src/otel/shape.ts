/**
 * What a `chat` span reads of a request and of its answer, for each kind of request that makes
 * one: the Responses API's (`attributes.ts`) and chat completions' (`chat-attributes.ts`). The
 * span itself (`spans.ts`) knows neither shape; it picks one by the request's operation.
 */
import type { Attributes } from '@opentelemetry/api';
import { isObject } from '../json.js';

/** How one kind of request, and its answer, reads in the GenAI conventions' terms. */
export interface SpanShape {
  /** The request's attributes: the settings the conventions name, the conversation's id. */
  request(body: Record<string, unknown>): Attributes;
  /** The request's content, by attribute, as text to redact (recorded with `captureContent`). */
  input(body: Record<string, unknown>): Record<string, string>;
  /** The answer's attributes at the end: id, model, usage, finish reasons. */
  response(answer: Record<string, unknown>): Attributes;
  /** The answer's output as the conventions' output messages (recorded with `captureContent`). */
  output(answer: Record<string, unknown>): unknown[];
  /** What went wrong, when the answer arrived but says it failed (a `failed` response). */
  failure(answer: Record<string, unknown>): unknown;
}

/** The numbers `fields` names (body field → attribute) that `source` has, as attributes. */
export function numbers(
  source: Record<string, unknown>,
  fields: Readonly<Record<string, string>>,
): Attributes {
  const attributes: Attributes = {};
  for (const [field, key] of Object.entries(fields))
    if (typeof source[field] === 'number') attributes[key] = source[field];
  return attributes;
}

/** A nested value, `source[outer][inner]`, if there is one. */
export function nested(source: Record<string, unknown>, outer: string, inner: string): unknown {
  const value = source[outer];
  return isObject(value) ? value[inner] : undefined;
}

/** Where a usage object keeps its counts: input and output, and the details of each. */
export interface UsageFields {
  readonly input: string;
  readonly output: string;
  /** The object whose `cached_tokens` counts the input read from the cache. */
  readonly inputDetails: string;
  /** The object whose `reasoning_tokens` counts the output spent reasoning. */
  readonly outputDetails: string;
}

/** `gen_ai.usage.*` from an answer's `usage`, its counts where `fields` says. */
export function usageAttributes(usage: unknown, fields: UsageFields): Attributes {
  if (!isObject(usage)) return {};
  const attributes = numbers(usage, {
    [fields.input]: 'gen_ai.usage.input_tokens',
    [fields.output]: 'gen_ai.usage.output_tokens',
  });
  const cached = nested(usage, fields.inputDetails, 'cached_tokens');
  if (typeof cached === 'number') attributes['gen_ai.usage.cache_read.input_tokens'] = cached;
  const reasoning = nested(usage, fields.outputDetails, 'reasoning_tokens');
  if (typeof reasoning === 'number') attributes['gen_ai.usage.reasoning.output_tokens'] = reasoning;
  return attributes;
}

/** `gen_ai.response.id` and `gen_ai.response.model`, where the answer has them. */
export function identityOf(answer: Record<string, unknown>): Attributes {
  const attributes: Attributes = {};
  if (typeof answer.id === 'string') attributes['gen_ai.response.id'] = answer.id;
  if (typeof answer.model === 'string') attributes['gen_ai.response.model'] = answer.model;
  return attributes;
}
