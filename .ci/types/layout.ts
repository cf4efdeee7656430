/**
 * How the generated declarations are laid out in files under src/types: one file per module of
 * schemas, in the schemas' order, cut at declaration boundaries into parts of at most
 * {@link maxLines} lines as the formatter writes them (`events-tools.ts`, `events-tools-2.ts`…),
 * so that no file in src grows past the repository's limit however long a schema module's
 * types print.
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
 * Cuts one module's declarations into parts that fit in {@link maxLines} lines each: a header
 * line, the imports (`importLines` bounds how many lines the imports of these references take),
 * a blank line, and the declarations with a blank line between each two.
 */
export function cut(
  declarations: readonly Declaration[],
  importLines: (refs: ReadonlySet<string>, names: ReadonlySet<string>) => number,
): Declaration[][] {
  const parts: Declaration[][] = [];
  let part: Declaration[] = [];
  const size = (candidate: readonly Declaration[]) => {
    const names = new Set(candidate.map((d) => d.name));
    const refs = new Set(candidate.flatMap((d) => [...d.refs]).filter((r) => !names.has(r)));
    const body = candidate.reduce((n, d) => n + lineCount(d.text), candidate.length - 1);
    return 2 + importLines(refs, names) + body;
  };
  for (const declaration of declarations) {
    if (part.length > 0 && size([...part, declaration]) > maxLines) {
      parts.push(part);
      part = [];
    }
    if (size([declaration]) > maxLines)
      throw new Error(`${declaration.name} alone prints longer than ${maxLines} lines`);
    part.push(declaration);
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

/** The file (below src/types, without `.ts`) of each part of a module: `tools`, `tools-2`… */
export const partFile = (module: string, index: number) =>
  index === 0 ? module : `${module}-${index + 1}`;
