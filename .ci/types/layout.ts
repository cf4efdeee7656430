/**
 * How the generated declarations are laid out in files under src/types: one file per module of
 * schemas, in the schemas' order, with the module's name. A module whose types print longer than
 * {@link maxLines} lines is an error that names it: split it in src/schemas by meaning (as
 * `events-text`, `events-reasoning` and `events-call-arguments` are), so that the types stay
 * grouped as the schemas are, never cut by line count.
 */
import { execFileSync } from 'node:child_process';

/** The most lines a file in src may have. */
export const maxLines = 300;

/** One declaration as it will be written: formatted, and the public types it refers to. */
export interface Declaration {
  readonly name: string;
  readonly text: string;
  readonly refs: ReadonlySet<string>;
}

/** Formats declarations as the repository's formatter writes them, in one run of biome. */
export function formatAll(biome: string, cwd: string, texts: readonly string[]): string[] {
  if (texts.length === 0) return [];
  const marker = '// @types-gen: next declaration';
  const formatted = execFileSync(biome, ['format', '--stdin-file-path=src/types/layout.ts'], {
    cwd,
    input: texts.join(`\n${marker}\n`),
    encoding: 'utf8',
  });
  const parts = formatted.split(marker).map((text) => `${text.trim()}\n`);
  if (parts.length !== texts.length) throw new Error('biome merged or dropped a declaration');
  return parts;
}

const lineCount = (text: string) => text.trimEnd().split('\n').length;

/**
 * Checks that one module's declarations fit in {@link maxLines} lines: a header line, the imports
 * (`importLines` bounds how many lines the imports of these references take), a blank line, and
 * the declarations with a blank line between each two. Throws, naming the module, when not.
 */
export function checkFits(
  module: string,
  declarations: readonly Declaration[],
  importLines: (refs: ReadonlySet<string>, names: ReadonlySet<string>) => number,
): void {
  const names = new Set(declarations.map((d) => d.name));
  const refs = new Set(declarations.flatMap((d) => [...d.refs]).filter((r) => !names.has(r)));
  const body = declarations.reduce((n, d) => n + lineCount(d.text), declarations.length - 1);
  const lines = 2 + importLines(refs, names) + body;
  if (lines > maxLines)
    throw new Error(
      `src/schemas/${module}.ts prints ${lines} lines of types, over ${maxLines}: split it by meaning`,
    );
}
