/** The TypeScript compiler on a file that exists only in memory, as an app of the package sees it. */
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Compiles `source` as the file `path` (relative to the repository) with the repository's
 * tsconfig (`responses-client` and its subpaths resolve to src/), and gives its program.
 */
export function compileApp(path: string, source: string): ts.Program {
  const app = `${root}${path}`;
  const config = ts.getParsedCommandLineOfConfigFile(
    `${root}tsconfig.json`,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  )!;
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (name, version, ...rest) =>
    name === app
      ? ts.createSourceFile(name, source, version)
      : getSourceFile.call(host, name, version, ...rest);
  return ts.createProgram([app], { ...config.options, noEmit: true }, host);
}
