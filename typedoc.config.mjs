// The API reference: TypeDoc reads the TSDoc of the five published entries and writes HTML to
// docs/api/ (git-ignored). `npm run docs`; CI runs it, and any warning fails it.
//
// It reads the src entry points, not the built .d.ts: the declarations are bundled from these
// same files (the comments are the same), but src gives each name its source file and line,
// needs no build first, and keeps the names the bundler may rename (`Response$1`).
//
// What must be documented: every export of the five entries (classes, interfaces, types,
// variables, functions), the constructors, methods and accessors of exported classes and
// interfaces, and the properties of the hand-written types (options, errors, dialects, the test
// toolkit's turns): .ci/typedoc-fields.mjs checks those, since TypeDoc's own rule for properties
// would also ask for a comment on each field of the zod-derived shapes (over 1,400), which stay
// out.
//
// No name is exempt from those rules: every export has its TSDoc, and every type the public API
// refers to is exported, except the type-level helpers below.

/**
 * Type-level helpers that only compute a public type: users read the computed type in hovers
 * and never write these names, so they stay unexported on purpose. A name goes here only if no
 * one would write it in their code; anything a user may want to name is exported instead.
 */
const typeHelpers = [
  // src/client.ts: which members a client's type has, from its dialect's features.
  'ClientMembers', // a table: feature → client member (`chatCompletions` → `chat`)
  'ResponsesMethods', // a table: feature → `client.responses` methods
  'Has', // the features a dialect surely has, among some keys
  'Stored', // `Has` over the stored-response features
  'ChatCompletionsMethods', // a table: feature → `client.chat.completions` methods
  'ModelsMethods', // a table: feature → `client.models` methods
  'Within', // a class, or the methods of it a dialect's features bring
  // src/dialects/index.ts, src/dialects/catalog.ts: feature sets as types.
  'AllFeatures', // every feature `true`: what `FeaturesOf` gives a dialect of your own
  'Only', // the features of one built-in dialect: `Only<'models'>`
  // src/conversation/conversation-types.ts, src/structured/parsed-response.ts
  'Managed', // the params a conversation sets itself, left out of its options' type
  'TakesTools', // whether a dialect's params take function tools (Karta's take none)
  'ParsedCall', // a function call typed by the zod tool it calls
  // src/schemas/shared.ts: `Omit` for loose objects (keeps the named fields of an indexed type).
  'Without',
  // src/schemas/dialects/karta.ts: the canonical fields Karta does not document, computed.
  'KnownKeys', // the named keys of a type, without its index signature
  // src/schemas/event-union.ts: the union of the lifecycle event schemas, local to eventUnion().
  'Lifecycle',
];

/** @type {import('typedoc').TypeDocOptions} */
export default {
  name: 'responses-client',
  entryPoints: [
    'src/index.ts',
    'src/testing/index.ts',
    'src/testing/msw.ts',
    'src/schemas/public.ts',
    'src/otel/index.ts',
  ],
  tsconfig: 'tsconfig.json',
  out: 'docs/api',
  readme: 'README.md',
  // No public repository URL to link source files to (a copy made by `git archive` has no remote).
  disableSources: true,
  excludePrivate: true,
  excludeProtected: true,
  excludeInternal: true,
  treatWarningsAsErrors: true,
  validation: { notExported: true, invalidLink: true, rewrittenLink: true, notDocumented: true },
  requiredToBeDocumented: [
    'Enum',
    'Variable',
    'Function',
    'Class',
    'Interface',
    'TypeAlias',
    'Method',
    'Accessor',
    'Constructor',
  ],
  intentionallyNotExported: typeHelpers,
  // The properties of the hand-written types (see the plugin for why not TypeDoc's own rule).
  plugin: ['./.ci/typedoc-fields.mjs'],
};
