// The built package's declarations against its run time: for each entry (`.`, `./testing`,
// `./testing/msw`, `./schemas`) and each format (ESM: `import` → .d.ts and .js; CJS: `require` → .d.cts and
// .cjs), the value names the declarations export must be exactly the names the module exports
// when it runs (a class or const declared but undefined at run time compiles, then crashes).
// Also refuses names the declaration bundler renamed (`Response$1`), which leak into hovers.
// Run by .ci/run after `npm run build`: `node test/runtime/export-parity.mjs`.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';

const root = new URL('../..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const entries = [
  'responses-client',
  'responses-client/testing',
  'responses-client/testing/msw',
  'responses-client/schemas',
];

/** The names a module exports when it runs. */
const runtime = {
  esm: async (entry) => Object.keys(await import(entry)),
  cjs: async (entry) => Object.keys(require(entry)),
};

// An app that installed the package: its declarations are found through the exports map.
const app = mkdtempSync(join(tmpdir(), 'export-parity-'));
mkdirSync(join(app, 'node_modules'));
symlinkSync(root, join(app, 'node_modules', 'responses-client'), 'dir');
writeFileSync(join(app, 'package.json'), JSON.stringify({ type: 'module', private: true }));
const sources = {
  esm: join(app, 'esm.mts'),
  cjs: join(app, 'cjs.cts'),
};
writeFileSync(sources.esm, entries.map((e, i) => `import * as m${i} from '${e}';`).join('\n'));
writeFileSync(sources.cjs, entries.map((e, i) => `import m${i} = require('${e}');`).join('\n'));
const program = ts.createProgram(Object.values(sources), {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  types: [],
});
const checker = program.getTypeChecker();
const problems = ts
  .getPreEmitDiagnostics(program)
  .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));

/** Whether an export is a value: it resolves to one, through no `export type` on the way. */
function isValue(symbol) {
  let current = symbol;
  while (current.flags & ts.SymbolFlags.Alias) {
    const typeOnly = current.declarations?.some(
      (d) =>
        (ts.isExportSpecifier(d) || ts.isImportSpecifier(d)) &&
        (d.isTypeOnly || d.parent.parent.isTypeOnly),
    );
    if (typeOnly) return false;
    current = checker.getImmediateAliasedSymbol(current);
    if (!current) return false;
  }
  return (current.flags & ts.SymbolFlags.Value) !== 0;
}

/** The value names the declarations of the i-th entry export, as a file of this format sees them. */
function declared(format, index) {
  const file = program.getSourceFile(sources[format]);
  const statement = file.statements[index];
  const specifier = ts.isImportDeclaration(statement)
    ? statement.moduleSpecifier
    : statement.moduleReference.expression;
  const module = checker.getSymbolAtLocation(specifier);
  if (!module) throw new Error(`${format}: ${entries[index]} has no declarations`);
  const declaration = module.valueDeclaration ?? module.declarations?.[0];
  return {
    file: declaration.getSourceFile().fileName.replace(root, ''),
    names: checker
      .getExportsOfModule(module)
      .filter(isValue)
      .map((s) => s.name),
  };
}

let failed = problems.length > 0;
for (const problem of problems) console.error(`declarations: ${problem}`);
const renamed = new Set();
for (const [index, entry] of entries.entries()) {
  for (const format of ['esm', 'cjs']) {
    const types = declared(format, index);
    const values = new Set(types.names);
    const run = new Set((await runtime[format](entry)).filter((name) => name !== 'default'));
    const onlyDeclared = [...values].filter((n) => !run.has(n));
    const onlyAtRunTime = [...run].filter((n) => !values.has(n));
    const ok = onlyDeclared.length === 0 && onlyAtRunTime.length === 0;
    failed ||= !ok;
    console.log(
      `${ok ? 'ok  ' : 'FAIL'} ${entry} (${format}, ${types.file}): ${values.size} values declared, ${run.size} at run time`,
    );
    if (onlyDeclared.length) console.log(`     declared, undefined at run time: ${onlyDeclared}`);
    if (onlyAtRunTime.length) console.log(`     at run time, not declared: ${onlyAtRunTime}`);
    const text = readFileSync(join(root, types.file), 'utf8');
    for (const [name] of text.matchAll(/\b[A-Za-z_]\w*\$\d+\b/g))
      renamed.add(`${name} (${types.file})`);
  }
}
if (renamed.size > 0) {
  failed = true;
  console.log(`FAIL names renamed by the declaration bundler: ${[...renamed].join(', ')}`);
}
rmSync(app, { recursive: true, force: true });
console.log(failed ? 'export parity FAILED' : 'export parity holds for every entry and format');
process.exitCode = failed ? 1 : 0;
