/**
 * What a test author reads in hovers of scripted turns: each turn type by its own name (not the
 * schema it is derived from), each field with its doc, and compile errors that name the turn.
 */
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileApp } from '../helpers/compile.js';

const names = [
  'TextTurn',
  'OneCallTurn',
  'ParallelCallsTurn',
  'FunctionCallTurn',
  'RefusalTurn',
  'JsonTurn',
  'ErrorTurn',
  'StreamErrorTurn',
  'DropTurn',
  'StallTurn',
  'IncompleteTurn',
  'ScriptedTurn',
];
const source = `
import type { ${names.join(', ')} } from 'responses-client/testing';
${names.map((name) => `declare const a${name}: ${name};`).join('\n')}
const wrong: ErrorTurn = { type: 'error', status: '500' };
`;

let program: ts.Program;
let checker: ts.TypeChecker;
let file: ts.SourceFile;

beforeAll(() => {
  program = compileApp('test/testing/__turns__.ts', source);
  checker = program.getTypeChecker();
  file = program.getSourceFiles().find(({ fileName }) => fileName.endsWith('__turns__.ts'))!;
}, 60_000);

/** The type of the variable `a<name>`. */
function typeOf(name: string): ts.Type {
  let found: ts.Type | undefined;
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && node.name.getText(file) === `a${name}`)
      found = checker.getTypeAtLocation(node.name);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found!;
}

describe('the turn types of responses-client/testing', () => {
  it.each(names)('names %s in a hover, not its structure', (name) => {
    expect(checker.typeToString(typeOf(name))).toBe(name);
  });

  it.each(names.filter((name) => !['FunctionCallTurn', 'ScriptedTurn'].includes(name)))(
    'gives every field of %s its doc',
    (name) => {
      const fields = typeOf(name).getProperties();
      expect(fields.length).toBeGreaterThan(0);
      const undocumented = fields.filter(
        (field) => ts.displayPartsToString(field.getDocumentationComment(checker)).trim() === '',
      );
      expect(undocumented.map((field) => field.name)).toEqual([]);
    },
  );

  it('puts a compile error on the field, naming the turn type it belongs to', () => {
    const [error, ...rest] = ts.getPreEmitDiagnostics(program, file);
    expect(rest).toEqual([]);
    expect(file.text.slice(error?.start, (error?.start ?? 0) + 6)).toBe('status');
    expect(ts.flattenDiagnosticMessageText(error?.messageText, '\n')).toBe(
      "Type 'string' is not assignable to type 'number'.",
    );
    const related = error?.relatedInformation?.map((info) =>
      ts.flattenDiagnosticMessageText(info.messageText, '\n'),
    );
    expect(related).toEqual([
      "The expected type comes from property 'status' which is declared here on type 'ErrorTurn'",
    ]);
  });
});
