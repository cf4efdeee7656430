/**
 * A zod 3 schema's JSON Schema (what the model writes: its input side), read from zod 3's own
 * definitions (`_def.typeName`), since zod 4's converter reads only zod 4 schemas. It writes what
 * zod 4's converter writes for the same schema, so the strict-mode check that follows is the same
 * for both. What JSON Schema cannot say (a date, a map, a function) throws, naming the path.
 */

type Node = Record<string, unknown>;
type Path = (string | number)[];

/** A zod 3 schema as this module reads it. */
interface Zod3 {
  readonly _def: Zod3Def;
  isOptional(): boolean;
}

/** The fields of zod 3's definitions read here (each kind has a few of them). */
interface Zod3Def {
  typeName: string;
  description?: string;
  checks?: { kind: string; value?: unknown; inclusive?: boolean; regex?: RegExp }[];
  innerType?: Zod3;
  type?: Zod3;
  schema?: Zod3;
  in?: Zod3;
  shape?: () => Record<string, Zod3>;
  unknownKeys?: string;
  catchall?: Zod3;
  options?: Zod3[] | Map<unknown, Zod3>;
  items?: Zod3[];
  rest?: Zod3 | null;
  left?: Zod3;
  right?: Zod3;
  valueType?: Zod3;
  value?: unknown;
  values?: unknown;
  defaultValue?: () => unknown;
  getter?: () => Zod3;
  minLength?: { value: number } | null;
  maxLength?: { value: number } | null;
  exactLength?: { value: number } | null;
}

/** String checks as JSON Schema formats. */
const formats: Record<string, string> = {
  email: 'email',
  url: 'uri',
  uuid: 'uuid',
  datetime: 'date-time',
  date: 'date',
  time: 'time',
  duration: 'duration',
  ipv4: 'ipv4',
  ipv6: 'ipv6',
};

/** The JSON Schema of a zod 3 schema, as `z.toJSONSchema(schema, { io: 'input' })` writes zod 4's. */
export function zod3JSONSchema(schema: unknown): Record<string, unknown> {
  const defs: Record<string, Node> = {};
  const lazies = new Map<Zod3, string>();

  const convert = (zod: Zod3, path: Path): Node => {
    const def = zod._def;
    const node = convertDef(zod, def, path);
    if (def.description !== undefined && node.description === undefined)
      node.description = def.description;
    return node;
  };

  const convertDef = (zod: Zod3, def: Zod3Def, path: Path): Node => {
    switch (def.typeName) {
      case 'ZodString':
        return stringNode(def);
      case 'ZodNumber':
        return numberNode(def);
      case 'ZodBoolean':
        return { type: 'boolean' };
      case 'ZodNull':
        return { type: 'null' };
      case 'ZodAny':
      case 'ZodUnknown':
        return {};
      case 'ZodLiteral':
        return literalNode(def.value, path);
      case 'ZodEnum':
        return { type: 'string', enum: [...(def.values as string[])] };
      case 'ZodNativeEnum':
        return nativeEnumNode(def.values as Record<string, string | number>);
      case 'ZodArray': {
        const node: Node = { type: 'array', items: convert(def.type as Zod3, [...path, '*']) };
        const exact = def.exactLength?.value;
        const min = exact ?? def.minLength?.value;
        const max = exact ?? def.maxLength?.value;
        if (min !== undefined) node.minItems = min;
        if (max !== undefined) node.maxItems = max;
        return node;
      }
      case 'ZodTuple': {
        const prefixItems = (def.items ?? []).map((item, index) => convert(item, [...path, index]));
        const node: Node = { type: 'array', prefixItems };
        if (def.rest) node.items = convert(def.rest, [...path, '*']);
        else node.maxItems = prefixItems.length;
        node.minItems = prefixItems.length;
        return node;
      }
      case 'ZodObject':
        return objectNode(def, path);
      case 'ZodRecord':
        return {
          type: 'object',
          additionalProperties: convert(def.valueType as Zod3, [...path, '*']),
        };
      case 'ZodUnion':
        return { anyOf: options(def).map((option) => convert(option, path)) };
      case 'ZodDiscriminatedUnion':
        return { oneOf: options(def).map((option) => convert(option, path)) };
      case 'ZodIntersection':
        return {
          allOf: [convert(def.left as Zod3, path), convert(def.right as Zod3, path)],
        };
      case 'ZodNullable':
        return { anyOf: [convert(def.innerType as Zod3, path), { type: 'null' }] };
      case 'ZodDefault':
        return { ...convert(def.innerType as Zod3, path), default: def.defaultValue?.() };
      case 'ZodOptional':
      case 'ZodReadonly':
      case 'ZodCatch':
        return convert(def.innerType as Zod3, path);
      case 'ZodBranded':
        return convert(def.type as Zod3, path);
      // Refinements and transforms check or change what the model wrote: it writes their input.
      case 'ZodEffects':
        return convert(def.schema as Zod3, path);
      case 'ZodPipeline':
        return convert(def.in as Zod3, path);
      case 'ZodLazy': {
        let name = lazies.get(zod);
        if (name === undefined) {
          name = `Lazy${lazies.size + 1}`;
          lazies.set(zod, name);
          defs[name] = convert((def.getter as () => Zod3)(), path);
        }
        return { $ref: `#/$defs/${name}` };
      }
      default:
        throw new Error(
          `${def.typeName.replace(/^Zod/, '')} at ${show(path)} cannot be written as JSON Schema`,
        );
    }
  };

  const objectNode = (def: Zod3Def, path: Path): Node => {
    const properties: Node = {};
    const required: string[] = [];
    for (const [key, value] of Object.entries((def.shape as () => Record<string, Zod3>)())) {
      properties[key] = convert(value, [...path, key]);
      if (!value.isOptional()) required.push(key);
    }
    const node: Node = { type: 'object', properties, required };
    const catchall = def.catchall;
    if (catchall && catchall._def.typeName !== 'ZodNever')
      node.additionalProperties = convert(catchall, [...path, '*']);
    else if (def.unknownKeys === 'passthrough') node.additionalProperties = {};
    else if (def.unknownKeys === 'strict') node.additionalProperties = false;
    return node;
  };

  const root = convert(schema as Zod3, []);
  return Object.keys(defs).length > 0 ? { ...root, $defs: defs } : root;
}

function stringNode(def: Zod3Def): Node {
  const node: Node = { type: 'string' };
  for (const check of def.checks ?? []) {
    if (check.kind === 'min') node.minLength = check.value;
    else if (check.kind === 'max') node.maxLength = check.value;
    else if (check.kind === 'length') node.minLength = node.maxLength = check.value;
    else if (check.kind === 'regex' && check.regex) node.pattern = check.regex.source;
    else if (formats[check.kind] !== undefined) node.format = formats[check.kind];
  }
  return node;
}

function numberNode(def: Zod3Def): Node {
  const node: Node = { type: 'number' };
  for (const check of def.checks ?? []) {
    if (check.kind === 'int') node.type = 'integer';
    else if (check.kind === 'multipleOf') node.multipleOf = check.value;
    else if (check.kind === 'min')
      node[check.inclusive ? 'minimum' : 'exclusiveMinimum'] = check.value;
    else if (check.kind === 'max')
      node[check.inclusive ? 'maximum' : 'exclusiveMaximum'] = check.value;
  }
  return node;
}

function literalNode(value: unknown, path: Path): Node {
  if (value === null) return { type: 'null' };
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return { type, const: value };
  throw new Error(`the literal at ${show(path)} is not a JSON value`);
}

/** A TypeScript enum's values (a numeric enum maps its values back to its names: those go). */
function nativeEnumNode(values: Record<string, string | number>): Node {
  const kept = Object.entries(values)
    .filter(([key]) => typeof values[values[key] as string] !== 'number')
    .map(([, value]) => value);
  const types = [...new Set(kept.map((value) => typeof value))];
  return { type: types.length === 1 ? types[0] : types, enum: kept };
}

function options(def: Zod3Def): Zod3[] {
  const options = def.options ?? [];
  return Array.isArray(options) ? options : [...options.values()];
}

const show = (path: Path) => (path.length === 0 ? 'the root' : path.join('.'));
