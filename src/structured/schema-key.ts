/**
 * Where a text format or function tool made from a zod schema keeps the schema: a symbol, so
 * that JSON never writes it and a spread copy keeps it. `Symbol.for`, so that two copies of the
 * package (ESM and CJS) agree.
 */
export const zodSchemaKey: unique symbol = Symbol.for('responses-client.zod-schema');
