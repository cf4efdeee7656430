import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ChatCompletionDeletedSchema,
  ChatCompletionListParamsSchema,
  ChatCompletionListSchema,
  ChatCompletionMessageListParamsSchema,
  ChatCompletionMessageListSchema,
  ChatCompletionSchema,
  ChatCompletionStoreMessageSchema,
  ChatCompletionUpdateParamsSchema,
  ConversationCreateParamsSchema,
  ConversationDeletedResourceSchema,
  ConversationItemCreateParamsSchema,
  ConversationItemListParamsSchema,
  ConversationItemListSchema,
  ConversationItemRetrieveParamsSchema,
  ConversationMessageSchema,
  ConversationResourceSchema,
  ConversationUpdateParamsSchema,
  knownEventSchemas,
  knownOutputItemSchemas,
  knownToolSchemas,
  ModelDeletedSchema,
  ModelSchema,
  ModelsPageSchema,
  ResponseCreateParamsSchema,
  ResponseSchema,
} from '../../src/schemas/index.js';
import { typesOf } from '../../src/schemas/shared.js';

type Json = { [key: string]: unknown };
/** Copies of the two specs (provenance in test/fixtures/SOURCES.md). */
const specDir = join(import.meta.dirname, '../fixtures/spec');
const openai = JSON.parse(readFileSync(join(specDir, 'openai-openapi.json'), 'utf8')) as Json;
const openresponses = JSON.parse(
  readFileSync(join(specDir, 'openresponses-openapi.json'), 'utf8'),
) as Json;

function resolve(spec: Json, node: Json): Json {
  let current = node;
  while (typeof current.$ref === 'string') {
    const name = current.$ref.split('/').pop() as string;
    current = ((spec.components as Json).schemas as Json)[name] as Json;
  }
  return current;
}
function schema(spec: Json, name: string): Json {
  return resolve(spec, { $ref: `#/components/schemas/${name}` });
}
function members(spec: Json, union: Json): Json[] {
  const list = (union.oneOf ?? union.anyOf ?? []) as Json[];
  return list.map((m) => resolve(spec, m));
}
/** Every property name of an object schema, through allOf. */
function properties(spec: Json, node: Json): string[] {
  const resolved = resolve(spec, node);
  const own = Object.keys((resolved.properties as Json | undefined) ?? {});
  const inherited = ((resolved.allOf as Json[] | undefined) ?? []).flatMap((n) =>
    properties(spec, n),
  );
  return [...new Set([...own, ...inherited])];
}
/** The literal values of a member's `type` property. */
function typeValues(spec: Json, member: Json): string[] {
  const node = resolve(spec, member);
  const holder = [node, ...((node.allOf as Json[] | undefined) ?? []).map((n) => resolve(spec, n))]
    .map((n) => n.properties as Json | undefined)
    .find((p) => p?.type !== undefined);
  if (!holder) throw new Error(`no type property in ${JSON.stringify(node).slice(0, 80)}`);
  const type = resolve(spec, holder.type as Json);
  const options = [type, ...((type.anyOf as Json[] | undefined) ?? [])];
  return options.flatMap((o) => (o.enum as string[] | undefined) ?? []).filter(Boolean);
}

/** The node at `path` under `root`. */
function at(root: Json, path: string[]): Json {
  return path.reduce((node, key) => node[key] as Json, root);
}

const specEvents = [
  ...members(openai, schema(openai, 'ResponseStreamEvent')),
  ...members(
    openresponses,
    at(openresponses, [
      'paths',
      '/responses',
      'post',
      'responses',
      '200',
      'content',
      'text/event-stream',
      'schema',
    ]),
  ),
];
const eventTypes = [...new Set(specEvents.flatMap((e) => typeValues(openai, e)))].sort();
const itemTypes = members(openai, schema(openai, 'OutputItem')).flatMap((m) =>
  typeValues(openai, m),
);
const tools = members(openai, schema(openai, 'Tool'));
const toolTypes = tools.flatMap((m) => typeValues(openai, m));

describe('the schemas cover the specs', () => {
  it('has a schema for each of the 60 stream event types', () => {
    expect(eventTypes).toHaveLength(60);
    expect(typesOf(knownEventSchemas).sort()).toEqual(eventTypes);
  });

  it('has a schema for each of the 28 output item types', () => {
    expect(itemTypes).toHaveLength(28);
    expect(typesOf(knownOutputItemSchemas).sort()).toEqual([...itemTypes].sort());
  });

  it('has a schema for each of the 16 tool types', () => {
    expect(tools).toHaveLength(16);
    expect(typesOf(knownToolSchemas).sort()).toEqual([...toolTypes].sort());
  });

  it.each([
    ['request field', 'CreateResponse', 'CreateResponseBody', ResponseCreateParamsSchema],
    ['field', 'Response', 'ResponseResource', ResponseSchema],
  ] as const)('types every %s of %s and %s', (_, ofOpenAI, ofOpenResponses, zod) => {
    const fields = new Set([
      ...properties(openai, schema(openai, ofOpenAI)),
      ...properties(openresponses, schema(openresponses, ofOpenResponses)),
    ]);
    expect([...fields].filter((f) => !(f in zod.def.shape))).toEqual([]);
  });

  it('gives every event schema each field its spec declares', () => {
    const byType = new Map(knownEventSchemas.map((s) => [typesOf([s])[0], s]));
    const missing = specEvents.flatMap((event) => {
      const [type] = typeValues(openai, event);
      const shape = byType.get(type as string)?.def.shape ?? {};
      return properties(openai, event)
        .filter((f) => !(f in shape))
        .map((f) => `${type}.${f}`);
    });
    expect(missing).toEqual([]);
  });
});

/**
 * The params of an operation of OpenAI's spec, `METHOD /path`: the fields of its JSON body (if
 * it has one) and its query parameters.
 */
function paramsOf(route: string): string[] {
  const [method = '', path = ''] = route.split(' ');
  const operation = at(openai, ['paths', path, method.toLowerCase()]);
  const body = operation.requestBody
    ? properties(openai, at(operation, ['requestBody', 'content', 'application/json', 'schema']))
    : [];
  const query = ((operation.parameters as Json[] | undefined) ?? [])
    .map((p) => resolve(openai, p))
    .filter((p) => p.in === 'query')
    .map((p) => p.name as string);
  return [...body, ...query];
}

/** The fields of an object of OpenAI's spec: `Name`, or `Name.property[]` (an array's items). */
function fieldsOf(ref: string): string[] {
  const [name = '', property] = ref.replace('[]', '').split('.');
  const object = schema(openai, name);
  return properties(openai, property ? at(object, ['properties', property, 'items']) : object);
}

/** A zod object schema. */
type Shaped = { def: { shape: object } };
const shapeOf = (zod: Shaped) => Object.keys(zod.def.shape).sort();

/**
 * Each object an endpoint answers with (its name in OpenAI's spec, and what it is where the name
 * does not say), and its schema: every field of the spec's is typed.
 */
const objects = (
  [
    ['ConversationResource', ConversationResourceSchema],
    ['DeletedConversationResource', ConversationDeletedResourceSchema],
    ['ConversationItemList', ConversationItemListSchema],
    ['Message', ConversationMessageSchema, 'a conversation item'],
    ['ChatCompletionList', ChatCompletionListSchema],
    ['CreateChatCompletionResponse', ChatCompletionSchema, 'a stored completion'],
    ['ChatCompletionMessageList', ChatCompletionMessageListSchema],
    ['ChatCompletionMessageList.data[]', ChatCompletionStoreMessageSchema, 'a stored message'],
    ['ChatCompletionDeleted', ChatCompletionDeletedSchema],
    ['ListModelsResponse', ModelsPageSchema],
    ['Model', ModelSchema],
    ['DeleteModelResponse', ModelDeletedSchema],
  ] satisfies [ref: string, zod: Shaped, what?: string][]
).map(([ref, zod, what]) => [what ? `${ref} (${what})` : ref, fieldsOf(ref), zod] as const);

/** Each request (an operation of OpenAI's spec) and the schema of its params: the same fields. */
const requests = [
  ['POST /conversations', ConversationCreateParamsSchema],
  ['POST /conversations/{conversation_id}', ConversationUpdateParamsSchema],
  ['POST /conversations/{conversation_id}/items', ConversationItemCreateParamsSchema],
  ['GET /conversations/{conversation_id}/items', ConversationItemListParamsSchema],
  ['GET /conversations/{conversation_id}/items/{item_id}', ConversationItemRetrieveParamsSchema],
  ['GET /chat/completions', ChatCompletionListParamsSchema],
  ['POST /chat/completions/{completion_id}', ChatCompletionUpdateParamsSchema],
  ['GET /chat/completions/{completion_id}/messages', ChatCompletionMessageListParamsSchema],
] as const;

describe('the schemas cover every endpoint of the conversations, stored chat completions and models', () => {
  it('knows each of the 28 types of a conversation item, without the catch-all', () => {
    const specTypes = members(openai, schema(openai, 'ConversationItem')).flatMap((m) =>
      typeValues(openai, m),
    );
    expect(specTypes).toHaveLength(28);
    const known = new Set([
      ...typesOf(knownOutputItemSchemas),
      ...typesOf([ConversationMessageSchema]),
    ]);
    expect(specTypes.filter((type) => !known.has(type))).toEqual([]);
  });

  it.each(objects)('types every field of %s', (_, fields, zod) => {
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.filter((f) => !(f in zod.def.shape))).toEqual([]);
  });

  it.each(requests)('takes exactly the params of %s', (route, zod) => {
    const fields = paramsOf(route);
    expect(fields.length).toBeGreaterThan(0);
    expect(shapeOf(zod)).toEqual([...fields].sort());
  });
});
