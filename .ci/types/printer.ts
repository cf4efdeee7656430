/**
 * Prints a type the TypeScript checker inferred from a zod schema as declaration text, naming
 * every part that has a public name instead of writing it out. See generate.ts for what is named.
 */
import ts from 'typescript';

/** A public type: its name, and whether its objects are closed (request types) or loose. */
export interface Named {
  readonly name: string;
  /** The type its declaration writes out. */
  readonly type: ts.Type;
  /** The module under src/types it is declared in (`content`, `dialects/kawai`…). */
  readonly module: string;
  /** Its TSDoc (from the type alias, or from the schema). */
  readonly doc: string;
  /** Its source position, to keep the schemas' order. */
  readonly order: number;
}

/** What a declaration needs from elsewhere: other public types, and `UnknownType`. */
export interface Printed {
  readonly text: string;
  readonly refs: ReadonlySet<string>;
}

const identifier = /^[A-Za-z_$][\w$]*$/;

export class TypePrinter {
  readonly #checker: ts.TypeChecker;
  /** Each type with a public name, by identity (the checker interns instantiations). */
  readonly #names: ReadonlyMap<ts.Type, string>;
  /** Named unions, largest first, to find them inside the unions the checker flattens. */
  readonly #unions: readonly { name: string; members: ReadonlySet<ts.Type>; literals: boolean }[];

  constructor(
    checker: ts.TypeChecker,
    names: ReadonlyMap<ts.Type, string>,
    /** The name of the last member of open unions (objects of a `type` this client does not know). */
    readonly catchAll: string,
  ) {
    this.#checker = checker;
    this.#names = names;
    this.#unions = [...names]
      .filter(([type]) => type.isUnion())
      .map(([type, name]) => {
        const members = (type as ts.UnionType).types;
        return { name, members: new Set(members), literals: members.every(isLiteral) };
      })
      .sort((a, b) => b.members.size - a.members.size);
  }

  /**
   * The declaration of `named`: an interface when its objects are loose (an index signature keeps
   * unknown fields typed), a type alias otherwise (a closed object type alias is still assignable
   * to its schema's loose type, which an interface is not).
   */
  declaration(named: Named, closed: boolean): Printed {
    const refs = new Set<string>();
    const context: Context = { self: named.name, closed, refs, open: new Set() };
    const doc = jsdoc(named.doc, []);
    const type = named.type;
    const composed = type.isIntersection() && this.#hasNamedPart(type, context);
    const loose = !closed || isCatchAll(this.#checker, type);
    const other = this.#names.get(type);
    if (isPlainObject(this.#checker, type) && loose && !composed && other === named.name) {
      const body = this.#members(type, context);
      return { text: `${doc}export interface ${named.name} ${body}\n`, refs };
    }
    return { text: `${doc}export type ${named.name} = ${this.#type(type, context)};\n`, refs };
  }

  #type(type: ts.Type, context: Context): string {
    const name = this.#names.get(type);
    if (name && name !== context.self) {
      context.refs.add(name);
      return name;
    }
    if (type.aliasSymbol?.name === 'UnknownType') {
      context.refs.add('UnknownType');
      return 'UnknownType';
    }
    const flags = type.flags;
    if (flags & ts.TypeFlags.String) return 'string';
    if (flags & ts.TypeFlags.Number) return 'number';
    if (flags & ts.TypeFlags.Boolean) return 'boolean';
    if (flags & ts.TypeFlags.Null) return 'null';
    if (flags & ts.TypeFlags.Undefined) return 'undefined';
    if (flags & ts.TypeFlags.Unknown) return 'unknown';
    if (flags & ts.TypeFlags.Never) return 'never';
    if (flags & ts.TypeFlags.Any) throw new Error(`${context.self}: a type resolved to any`);
    if (type.isStringLiteral()) return `'${type.value.replace(/['\\]/g, '\\$&')}'`;
    if (type.isNumberLiteral()) return String(type.value);
    if (flags & ts.TypeFlags.BooleanLiteral) return this.#checker.typeToString(type);
    if (flags & ts.TypeFlags.TemplateLiteral) return this.#checker.typeToString(type);
    if (type.isUnion()) return this.#union(type.types, context);
    if (type.isIntersection()) return this.#intersection(type, context);
    if (this.#checker.isArrayType(type)) {
      const [element] = this.#checker.getTypeArguments(type as ts.TypeReference);
      const text = this.#type(element!, context);
      return /[|&]/.test(text) && !/^[\w$]+$/.test(text) ? `(${text})[]` : `${text}[]`;
    }
    if (type.aliasSymbol?.name === 'Record' && type.aliasTypeArguments?.length === 2) {
      const [key, value] = type.aliasTypeArguments.map((t) => this.#type(t, context));
      return `Record<${key}, ${value}>`;
    }
    if (isPlainObject(this.#checker, type)) {
      // A recursive schema (z.lazy) needs a name to refer to itself by: export it.
      if (context.open.has(type))
        throw new Error(`${context.self}: a recursive type without a name; export its schema`);
      context.open.add(type);
      const text = this.#members(type, context);
      context.open.delete(type);
      return text;
    }
    throw new Error(`${context.self}: cannot print ${this.#checker.typeToString(type)}`);
  }

  /** A union, with the named unions it contains (flattened by the checker) found and named. */
  #union(types: readonly ts.Type[], context: Context): string {
    let rest = types.filter((t) => !(t.flags & ts.TypeFlags.Undefined));
    const nullish = types.length !== rest.length ? ['undefined'] : [];
    const parts: string[] = [];
    for (const union of this.#unions) {
      if (union.name === context.self) continue;
      const inside = rest.filter((t) => union.members.has(t));
      if (inside.length !== union.members.size) continue;
      // A union of literals is named only where it is used whole (`ItemStatus | null`), never
      // inside a longer list of literals it happens to share values with.
      const others = rest.filter((t) => !union.members.has(t));
      if (union.literals && others.some(isLiteral)) continue;
      parts.push(union.name);
      context.refs.add(union.name);
      rest = others;
    }
    const trueType = rest.find((t) => isBooleanLiteral(t, true));
    const falseType = rest.find((t) => isBooleanLiteral(t, false));
    const hasNull = rest.some((t) => t.flags & ts.TypeFlags.Null);
    rest = rest.filter((t) => !(t.flags & ts.TypeFlags.Null));
    if (trueType && falseType) rest = rest.filter((t) => t !== trueType && t !== falseType);
    parts.push(...rest.map((t) => this.#type(t, context)));
    // The catch-all of an open union reads best last.
    parts.sort((a, b) => Number(a === this.catchAll) - Number(b === this.catchAll));
    if (trueType && falseType) parts.push('boolean');
    if (hasNull) parts.push('null');
    return [...parts, ...nullish].join(' | ');
  }

  /** An intersection with a named part stays one (`ResponseCreateParams & { stream: true }`); one of anonymous objects is merged into one object. */
  #intersection(type: ts.IntersectionType, context: Context): string {
    if (!this.#hasNamedPart(type, context)) return this.#members(type, context);
    return type.types.map((t) => this.#type(t, context)).join(' & ');
  }

  #hasNamedPart(type: ts.IntersectionType, context: Context): boolean {
    return type.types.some((t) => {
      const name = this.#names.get(t);
      return name !== undefined && name !== context.self;
    });
  }

  /** An object type's members, each with its TSDoc; loose objects keep an index signature. */
  #members(type: ts.Type, context: Context): string {
    const checker = this.#checker;
    const properties = checker.getPropertiesOfType(type);
    const indexed = checker.getIndexInfoOfType(type, ts.IndexKind.String) !== undefined;
    // An object with no fields of its own takes any fields: there is nothing to close.
    if (properties.length === 0 && indexed) return 'Record<string, unknown>';
    const lines: string[] = [];
    const undefinedType = checker.getUndefinedType();
    for (const property of properties) {
      const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
      const propertyType = checker.getTypeOfSymbol(property);
      let text: string;
      if (optional && propertyType.isUnion()) {
        // Under exactOptionalPropertyTypes an optional property reads as `T | missing`: print it
        // as declared (zod's optional fields declare their `| undefined` themselves).
        const declared = propertyType.types.filter(
          (t) => !(t.flags & ts.TypeFlags.Undefined) || t === undefinedType,
        );
        text =
          declared.length === 1
            ? this.#type(declared[0]!, context)
            : this.#union(declared, context);
      } else {
        text = this.#type(propertyType, context);
      }
      lines.push(this.#property(property, optional, text));
    }
    const loose = !context.closed || isCatchAll(checker, type);
    if (loose && indexed) {
      lines.push('[key: string]: unknown;');
    }
    return lines.length === 0 ? '{}' : `{\n${lines.join('\n')}\n}`;
  }

  #property(property: ts.Symbol, optional: boolean, type: string): string {
    const checker = this.#checker;
    const doc = ts.displayPartsToString(property.getDocumentationComment(checker));
    const tags = property.getJsDocTags(checker);
    const key = identifier.test(property.name) ? property.name : `'${property.name}'`;
    return `${jsdoc(doc, tags)}${key}${optional ? '?' : ''}: ${type};`;
  }
}

interface Context {
  /** The type being declared: written out, never referred to by its own name. */
  readonly self: string;
  /** Whether its objects are closed (no index signature). */
  readonly closed: boolean;
  /** The public types it refers to. */
  readonly refs: Set<string>;
  /** The anonymous objects being written out, outermost first. */
  readonly open: Set<ts.Type>;
}

function isLiteral(type: ts.Type): boolean {
  return type.isLiteral() || (type.flags & ts.TypeFlags.BooleanLiteral) !== 0;
}

function isBooleanLiteral(type: ts.Type, value: boolean): boolean {
  return (
    (type.flags & ts.TypeFlags.BooleanLiteral) !== 0 &&
    (type as { intrinsicName?: string }).intrinsicName === String(value)
  );
}

/** An object type with properties only: no call signatures, not an array. */
function isPlainObject(checker: ts.TypeChecker, type: ts.Type): boolean {
  if (!(type.flags & ts.TypeFlags.Object) && !type.isIntersection()) return false;
  if (type.isIntersection() && !type.types.every((t) => t.flags & ts.TypeFlags.Object))
    return false;
  return (
    !checker.isArrayType(type) &&
    type.getCallSignatures().length === 0 &&
    type.getConstructSignatures().length === 0
  );
}

/** The last member of an open union (`type: UnknownType`): it stays loose everywhere. */
function isCatchAll(checker: ts.TypeChecker, type: ts.Type): boolean {
  const discriminant = type.getProperty('type');
  return (
    discriminant !== undefined &&
    checker.getTypeOfSymbol(discriminant).aliasSymbol?.name === 'UnknownType'
  );
}

function jsdoc(text: string, tags: readonly ts.JSDocTagInfo[]): string {
  const lines = text ? text.split('\n') : [];
  for (const tag of tags) {
    const body = ts.displayPartsToString(tag.text);
    lines.push(`@${tag.name}${body ? ` ${body}` : ''}`);
  }
  if (lines.length === 0) return '';
  if (lines.length === 1) return `/** ${lines[0]} */\n`;
  return `/**\n${lines.map((line) => ` * ${line}`.trimEnd()).join('\n')}\n */\n`;
}
