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

  it('types every request field of CreateResponse and CreateResponseBody', () => {
    const fields = new Set([
      ...properties(openai, schema(openai, 'CreateResponse')),
      ...properties(openresponses, schema(openresponses, 'CreateResponseBody')),
    ]);
    const missing = [...fields].filter((f) => !(f in ResponseCreateParamsSchema.def.shape));
    expect(missing).toEqual([]);
  });

  it('types every field of Response and ResponseResource', () => {
    const fields = new Set([
      ...properties(openai, schema(openai, 'Response')),
      ...properties(openresponses, schema(openresponses, 'ResponseResource')),
    ]);
    const missing = [...fields].filter((f) => !(f in ResponseSchema.def.shape));
    expect(missing).toEqual([]);
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

/** The operation at `method path` of OpenAI's spec. */
const operation = (method: string, path: string) => at(openai, ['paths', path, method]);
/** The names of an operation's query parameters. */
const queryOf = (method: string, path: string) =>
  ((operation(method, path).parameters as Json[] | undefined) ?? [])
    .map((p) => resolve(openai, p))
    .filter((p) => p.in === 'query')
    .map((p) => p.name as string);
/** The fields of an operation's JSON body. */
const bodyOf = (method: string, path: string) =>
  properties(
    openai,
    at(operation(method, path), ['requestBody', 'content', 'application/json', 'schema']),
  );
/** The fields of the items of an array property of a named schema. */
const itemsOf = (name: string, property: string) =>
  properties(openai, at(schema(openai, name), ['properties', property, 'items']));

const shapeOf = (zod: { def: { shape: object } }) => Object.keys(zod.def.shape).sort();

/** Each object an endpoint answers with, and its schema: every field of the spec's is typed. */
const objects = [
  [
    'ConversationResource',
    properties(openai, schema(openai, 'ConversationResource')),
    ConversationResourceSchema,
  ],
  [
    'DeletedConversationResource',
    properties(openai, schema(openai, 'DeletedConversationResource')),
    ConversationDeletedResourceSchema,
  ],
  [
    'ConversationItemList',
    properties(openai, schema(openai, 'ConversationItemList')),
    ConversationItemListSchema,
  ],
  [
    'Message (a conversation item)',
    properties(openai, schema(openai, 'Message')),
    ConversationMessageSchema,
  ],
  [
    'ChatCompletionList',
    properties(openai, schema(openai, 'ChatCompletionList')),
    ChatCompletionListSchema,
  ],
  [
    'CreateChatCompletionResponse (a stored completion)',
    properties(openai, schema(openai, 'CreateChatCompletionResponse')),
    ChatCompletionSchema,
  ],
  [
    'ChatCompletionMessageList',
    properties(openai, schema(openai, 'ChatCompletionMessageList')),
    ChatCompletionMessageListSchema,
  ],
  [
    'ChatCompletionMessageList.data[] (a stored message)',
    itemsOf('ChatCompletionMessageList', 'data'),
    ChatCompletionStoreMessageSchema,
  ],
  [
    'ChatCompletionDeleted',
    properties(openai, schema(openai, 'ChatCompletionDeleted')),
    ChatCompletionDeletedSchema,
  ],
  [
    'ListModelsResponse',
    properties(openai, schema(openai, 'ListModelsResponse')),
    ModelsPageSchema,
  ],
  ['Model', properties(openai, schema(openai, 'Model')), ModelSchema],
  [
    'DeleteModelResponse',
    properties(openai, schema(openai, 'DeleteModelResponse')),
    ModelDeletedSchema,
  ],
] as const;

/** Each request's params (body and query), and its schema: the same fields, no more, no fewer. */
const requests = [
  ['POST /conversations', bodyOf('post', '/conversations'), ConversationCreateParamsSchema],
  [
    'POST /conversations/{id}',
    bodyOf('post', '/conversations/{conversation_id}'),
    ConversationUpdateParamsSchema,
  ],
  [
    'POST /conversations/{id}/items',
    [
      ...bodyOf('post', '/conversations/{conversation_id}/items'),
      ...queryOf('post', '/conversations/{conversation_id}/items'),
    ],
    ConversationItemCreateParamsSchema,
  ],
  [
    'GET /conversations/{id}/items',
    queryOf('get', '/conversations/{conversation_id}/items'),
    ConversationItemListParamsSchema,
  ],
  [
    'GET /conversations/{id}/items/{item_id}',
    queryOf('get', '/conversations/{conversation_id}/items/{item_id}'),
    ConversationItemRetrieveParamsSchema,
  ],
  ['GET /chat/completions', queryOf('get', '/chat/completions'), ChatCompletionListParamsSchema],
  [
    'POST /chat/completions/{id}',
    bodyOf('post', '/chat/completions/{completion_id}'),
    ChatCompletionUpdateParamsSchema,
  ],
  [
    'GET /chat/completions/{id}/messages',
    queryOf('get', '/chat/completions/{completion_id}/messages'),
    ChatCompletionMessageListParamsSchema,
  ],
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

  it.each(requests)('takes exactly the params of %s', (_, fields, zod) => {
    expect(fields.length).toBeGreaterThan(0);
    expect(shapeOf(zod)).toEqual([...fields].sort());
  });
});
