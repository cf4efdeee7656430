/**
 * A schema → the JSON Schema of a text format or a function tool (zod 4's by zod's own converter,
 * zod 3's by `zod3JSONSchema`, a Standard Schema's by its library), and the local check of what OpenAI's strict structured output takes (its "Supported schemas"): a root
 * object, every property required, `additionalProperties: false` on every object, none of the
 * keywords it does not support, and its documented size limits. A schema that breaks one is
 * refused before anything is sent, with a {@link RequestValidationError} naming the field.
 */
import * as z from 'zod/mini';
import { RequestValidationError, type ValidationIssue } from '../errors.js';
import { isObject } from '../json.js';
import { type StandardJSONSchemaLike, schemaKind, type ZodSchemaLike } from './schema-like.js';
import { zod3JSONSchema } from './zod3-json-schema.js';

type Node = Record<string, unknown>;
type Path = (string | number)[];

/** The documented limits of strict structured output. */
const limits = {
  properties: 5000,
  depth: 10,
  enumValues: 1000,
  stringLength: 120_000,
  largeEnum: 250,
  largeEnumLength: 15_000,
};

/** Keywords strict mode does not support (composition, conditionals). */
const unsupported = [
  'allOf',
  'not',
  'if',
  'then',
  'else',
  'dependentRequired',
  'dependentSchemas',
  'patternProperties',
];

const isNode: (value: unknown) => value is Node = isObject;

/**
 * The JSON Schema of `schema` (what the model writes: zod's input side), without `$schema`.
 * With `strict`, checked for strict mode and given `additionalProperties: false` on every
 * object zod left open-ended only because it strips unknown keys; `what` names it in errors.
 */
export function toStrictJSONSchema(
  schema: ZodSchemaLike,
  what: string,
  strict: boolean,
): Record<string, unknown> {
  const json = jsonSchemaOf(schema, what);
  delete json.$schema;
  const issues = strict ? checkStrict(json) : [];
  if (!strict && json.type !== 'object')
    issues.push({ path: [], message: 'the root must be an object (z.object)' });
  if (issues.length > 0) throw new RequestValidationError(issues, what);
  return json;
}

/** The JSON Schema of what the schema takes, by the converter of its kind: a copy of its own. */
function jsonSchemaOf(schema: ZodSchemaLike, what: string): Node {
  const kind = schemaKind(schema);
  const refuse = (message: string) => new RequestValidationError([{ path: [], message }], what);
  if (kind === undefined)
    throw refuse(
      'is not a schema this client reads: give a zod 4 or zod 3 schema, or a Standard Schema whose library gives its JSON Schema (`~standard.jsonSchema`, Standard JSON Schema v1)',
    );
  try {
    if (kind === 'zod4')
      return z.toJSONSchema(schema as unknown as z.core.$ZodType, { io: 'input' }) as Node;
    if (kind === 'zod3') return zod3JSONSchema(schema);
    const standard = (schema as { '~standard': StandardJSONSchemaLike['~standard'] })['~standard'];
    // The library may hand out a schema it keeps: the strict check below changes its own copy.
    return structuredClone(standard.jsonSchema.input({ target: 'draft-2020-12' }));
  } catch (cause) {
    const library = kind === 'standard' ? 'its library' : 'zod';
    throw refuse(`${library} cannot write it as JSON Schema: ${(cause as Error).message}`);
  }
}

/** The strict-mode issues of a JSON Schema (fixing open objects and `oneOf` as it goes). */
function checkStrict(root: Node): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const totals = { properties: 0, enumValues: 0, stringLength: 0 };
  let deepest = 0;
  const issue = (path: Path, message: string) => issues.push({ path, message });
  if (root.type !== 'object' || root.anyOf !== undefined)
    issue([], 'the root must be an object (z.object), not a union or another type');

  const visit = (node: Node, path: Path, depth: number): void => {
    for (const keyword of unsupported)
      if (node[keyword] !== undefined)
        issue(path, `uses \`${keyword}\`, which strict structured output does not support`);
    // zod writes a discriminated union as `oneOf`; strict mode takes `anyOf`, which means the
    // same for branches that exclude each other.
    if (Array.isArray(node.oneOf)) {
      node.anyOf = node.oneOf;
      delete node.oneOf;
    }
    countValues(node, path);
    const isObject = node.type === 'object' || isNode(node.properties);
    const level = isObject ? depth + 1 : depth;
    if (isObject) visitObject(node, path, level);
    if (isNode(node.items)) visit(node.items, [...path, '*'], level);
    for (const key of ['anyOf', 'prefixItems'] as const)
      if (Array.isArray(node[key]))
        for (const branch of node[key] as unknown[]) if (isNode(branch)) visit(branch, path, level);
    for (const key of ['$defs', 'definitions'] as const) {
      const defs = node[key];
      if (!isNode(defs)) continue;
      for (const [name, def] of Object.entries(defs)) {
        totals.stringLength += name.length;
        if (isNode(def)) visit(def, [key, name], 0);
      }
    }
  };

  const visitObject = (node: Node, path: Path, level: number) => {
    deepest = Math.max(deepest, level);
    if (node.additionalProperties === undefined) node.additionalProperties = false;
    else if (node.additionalProperties !== false)
      issue(
        path,
        'has keys that are not named (a record, a catch-all or a loose object): strict structured output needs every property named; use z.object',
      );
    const properties = isNode(node.properties) ? node.properties : {};
    const required = new Set(Array.isArray(node.required) ? node.required : []);
    for (const [key, property] of Object.entries(properties)) {
      totals.properties += 1;
      totals.stringLength += key.length;
      if (!required.has(key))
        issue(
          [...path, key],
          'is optional, and strict structured output requires every field: make it .nullable() instead (or pass strict: false)',
        );
      if (isNode(property)) visit(property, [...path, key], level);
    }
  };

  const countValues = (node: Node, path: Path) => {
    if (node.const !== undefined) totals.stringLength += String(node.const).length;
    if (!Array.isArray(node.enum)) return;
    totals.enumValues += node.enum.length;
    const length = node.enum.reduce((sum: number, value) => sum + String(value).length, 0);
    totals.stringLength += length;
    if (node.enum.length > limits.largeEnum && length > limits.largeEnumLength)
      issue(
        path,
        `has ${node.enum.length} enum values of ${length} characters in all: over ${limits.largeEnum} values, strict mode allows ${limits.largeEnumLength} characters`,
      );
  };

  visit(root, [], 0);
  const over = (count: number, limit: number, what: string) => {
    if (count > limit) issue([], `has ${count} ${what}; strict structured output allows ${limit}`);
  };
  over(deepest, limits.depth, 'levels of nested objects');
  over(totals.properties, limits.properties, 'object properties in all');
  over(totals.enumValues, limits.enumValues, 'enum values in all');
  over(totals.stringLength, limits.stringLength, 'characters of names, enum and const values');
  return issues;
}
