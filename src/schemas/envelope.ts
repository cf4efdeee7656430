/**
 * The envelope checks: what the client validates by default, at run time. Every event's own
 * fields, every field of a response and of a create request, and the function tools and
 * messages most requests carry are checked in full; other items, tools and parts nested inside
 * are checked by their `type` (and `id` / `status` where items have them) and passed through as
 * sent. Their full schemas are the types, and `deepValidation` checks them too. Keeping them off
 * the default path keeps create + stream + iterate small: see docs/types.md for the measurements.
 */
import * as z from 'zod/mini';
import { eventUnion } from './event-union.js';
import { FunctionToolSchema } from './function-tool.js';
import { EasyInputMessageSchema } from './input-message.js';
import { createParamsShape } from './params.js';
import { responseShape } from './response-settings.js';

/** Any output item: its type, and the id and status most items carry. */
export const ItemEnvelopeSchema = z.looseObject({
  type: z.string(),
  id: z.optional(z.nullable(z.string())),
  status: z.optional(z.nullable(z.string())),
});

/** Any content part: its type. */
export const PartEnvelopeSchema = z.looseObject({ type: z.string() });

/** An object whose `type` is a string other than `checked`, whose own schema checks it in full. */
const otherThan = (checked: string) =>
  z.looseObject({
    type: z.custom<string>(
      (type) => typeof type === 'string' && type !== checked,
      'expected a type',
    ),
  });

/** A tool: a function tool in full, any other by its type. */
export const ToolEnvelopeSchema = z.union([FunctionToolSchema, otherThan('function')]);

/** Input: a string, or items (messages in full, other items by their type). */
export const InputEnvelopeSchema = z.union([
  z.string(),
  z.array(z.union([EasyInputMessageSchema, otherThan('message')])),
]);

/** A response object: every field of its own, items by their envelope. */
export const ResponseEnvelopeSchema = z.looseObject(
  responseShape({ item: ItemEnvelopeSchema, tool: ToolEnvelopeSchema }),
);

/** A create request: every field of its own, input items and tools by their envelopes. */
export const CreateParamsEnvelopeSchema = z.looseObject(
  createParamsShape({ input: InputEnvelopeSchema, tool: ToolEnvelopeSchema }),
);

let envelopes: ReturnType<typeof buildEventEnvelopes> | undefined;
const buildEventEnvelopes = () =>
  eventUnion({
    response: ResponseEnvelopeSchema,
    item: ItemEnvelopeSchema,
    part: PartEnvelopeSchema,
  });

/**
 * The 60 known events (`knownEvents`), each with its own fields in full and what it carries by
 * envelope, and the catch-all for an event of a type this client does not know (`unknown`).
 * Built on first use: the first stream, not the import (a unary call never needs them).
 */
export const eventEnvelopes = () => (envelopes ??= buildEventEnvelopes());
