/**
 * Checks a request the client sent against OpenAI's OpenAPI document (the copy in
 * test/fixtures/spec, provenance in test/fixtures/SOURCES.md), with a JSON Schema validator
 * (ajv, draft 2020-12, which OpenAPI 3.1 schemas are): the operation its method and path name,
 * each path parameter, each query parameter (declared, of its type), and the JSON body against
 * the operation's `requestBody` schema, with no top-level field the schema does not declare.
 * Also gives each operation's own example answer (`x-oaiMeta.examples.response`).
 *
 * One relaxation: a `oneOf` is checked as an `anyOf`. The spec's unions of items are tagged by
 * a `discriminator` (`type`), and several members accept the same message (`EasyInputMessage`
 * and `InputMessage` both take `{ role: 'user', content: [...] }`), so "exactly one" would
 * refuse what the API takes; OpenAPI picks the member by its tag instead.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

type Json = { [key: string]: unknown };

const specFile = join(import.meta.dirname, '../fixtures/spec/openai-openapi.json');
const spec = JSON.parse(readFileSync(specFile, 'utf8')) as Json;
const paths = spec.paths as Record<string, Record<string, Json>>;

/** A copy of a schema with every `oneOf` read as `anyOf` (see the module's comment). */
function relaxed(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(relaxed);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key === 'oneOf' ? 'anyOf' : key, relaxed(value)]),
  );
}

const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema({ $id: 'openai', components: relaxed(spec.components) });
const compiled = new Map<string, ValidateFunction>();

/** The named schema's definition, its `$ref`s followed. */
function resolve(node: Json): Json {
  let current = node;
  while (typeof current.$ref === 'string') {
    const name = current.$ref.split('/').pop() as string;
    current = ((spec.components as Json).schemas as Json)[name] as Json;
  }
  return current;
}

/** Validates `value` against a schema of the spec (its `$ref`s resolved in the whole document). */
function validate(schema: Json, value: unknown, where: string): string[] {
  const key = JSON.stringify(schema);
  let check = compiled.get(key);
  if (!check) {
    const rebased = JSON.parse(key.replaceAll('"#/components/', '"openai#/components/'));
    check = ajv.compile(relaxed(rebased) as Json);
    compiled.set(key, check);
  }
  if (check(value)) return [];
  return (check.errors ?? []).map((e) => `${where}${e.instancePath}: ${e.message}`);
}

/** The template of `pathname` (below `/v1`) among the spec's paths, and its parameters. */
function route(pathname: string): { template: string; values: Record<string, string> } {
  const below = pathname.replace(/^\/v1/, '');
  for (const template of Object.keys(paths)) {
    const names: string[] = [];
    const pattern = template.replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    const match = new RegExp(`^${pattern}$`).exec(below);
    if (match) {
      const values = Object.fromEntries(
        names.map((name, i) => [name, decodeURIComponent(match[i + 1] as string)]),
      );
      return { template, values };
    }
  }
  throw new Error(`no path of the spec matches ${pathname}`);
}

/** A query parameter's value as its schema types it (`limit=5` is the number 5). */
function queryValue(search: URLSearchParams, name: string, schema: Json): unknown {
  const resolved = resolve(schema);
  const types = [resolved, ...((resolved.anyOf as Json[] | undefined) ?? []).map(resolve)];
  if (types.some((t) => t.type === 'array')) return search.getAll(name);
  if (types.some((t) => t.type === 'object')) {
    const prefix = `${name}[`;
    return Object.fromEntries(
      [...search]
        .filter(([key]) => key.startsWith(prefix) && key.endsWith(']'))
        .map(([key, value]) => [key.slice(prefix.length, -1), value]),
    );
  }
  const value = search.get(name);
  if (value !== null && types.some((t) => t.type === 'integer' || t.type === 'number'))
    return Number(value);
  if (value !== null && types.some((t) => t.type === 'boolean')) return value === 'true';
  return value;
}

/** A request as a test server received it. */
export interface SentRequest {
  method: string;
  url: string;
  /** The JSON body, parsed; `undefined` when there was none. */
  body?: unknown;
}

/**
 * What is wrong with `request` against the spec: its operation found by method and path, then
 * every parameter and the body checked. An empty list when it is a valid request.
 */
export function specIssues(request: SentRequest): string[] {
  const url = new URL(request.url);
  const { template, values } = route(url.pathname);
  const operation = paths[template]?.[request.method.toLowerCase()];
  if (!operation) return [`the spec has no ${request.method} ${template}`];
  const issues: string[] = [];
  const parameters = ((operation.parameters as Json[] | undefined) ?? []).map(resolve);
  const queryNames = new Set<string>();
  for (const parameter of parameters) {
    const name = parameter.name as string;
    const schema = parameter.schema as Json;
    if (parameter.in === 'path') issues.push(...validate(schema, values[name], `path ${name}`));
    if (parameter.in !== 'query') continue;
    queryNames.add(name);
    const present = [...url.searchParams.keys()].some(
      (k) => k === name || k.startsWith(`${name}[`),
    );
    if (!present) {
      if (parameter.required) issues.push(`query ${name}: required`);
      continue;
    }
    issues.push(...validate(schema, queryValue(url.searchParams, name, schema), `query ${name}`));
  }
  for (const key of url.searchParams.keys())
    if (!queryNames.has(key.replace(/\[.*$/, ''))) issues.push(`query ${key}: not a parameter`);
  const requestBody = operation.requestBody as Json | undefined;
  const bodySchema = (
    (requestBody?.content as Record<string, Json> | undefined)?.['application/json'] as
      | Json
      | undefined
  )?.schema as Json | undefined;
  if (request.body === undefined) {
    if (requestBody?.required) issues.push('body: required');
    return issues;
  }
  if (!bodySchema) return [...issues, 'body: the operation takes none'];
  issues.push(...validate(bodySchema, request.body, 'body'));
  const declared = resolve(bodySchema).properties as Json | undefined;
  for (const key of Object.keys(request.body as Json))
    if (declared && !(key in declared)) issues.push(`body.${key}: not declared by the spec`);
  return issues;
}

/** The example answer the spec gives for an operation (`x-oaiMeta.examples.response`), parsed. */
export function specExample(method: string, template: string): Json {
  const meta = paths[template]?.[method.toLowerCase()]?.['x-oaiMeta'] as Json | undefined;
  const examples = meta?.examples as Json | Json[] | undefined;
  const example = Array.isArray(examples) ? examples[0] : examples;
  if (typeof example?.response !== 'string')
    throw new Error(`the spec has no example answer for ${method} ${template}`);
  return JSON.parse(example.response) as Json;
}
