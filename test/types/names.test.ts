/**
 * What users read in hovers and compile errors: the TypeScript compiler's own text for the types
 * of the quickstart's values, and for its most common mistakes. Names, never structures.
 */
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileApp } from '../helpers/compile.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const app = `${root}test/types/__app__.ts`;
const source = `
import { ResponsesClient, type ResponseInputItem, zodFunction, zodTextFormat } from 'responses-client';
import * as z from 'zod/mini';
const client = new ResponsesClient({ apiKey: 'k' });
const kawai = new ResponsesClient({ dialect: 'kawai' });
const response = await client.responses.create({ model: 'm', input: 'Hi' });
const item = response.output[0];
const stream = await client.responses.create({ model: 'm', input: 'Hi', stream: true });
for await (const event of stream) {
  const any = event;
  if (event.type === 'response.output_text.delta') { const delta = event; }
  if (event.type === 'response.completed') { const completed = event.response; }
}
const kawaiCreate = kawai.responses;
const chat = client.conversation({ model: 'm' });
const turn = await chat.send('Hi');
const chatStream = chat.stream('Hi');
const Recipe = z.object({ title: z.string() });
const weather = zodFunction({ name: 'get_weather', parameters: z.object({ city: z.string() }) });
const parsed = await client.responses.parse({ model: 'm', input: 'Hi', text: { format: zodTextFormat(Recipe, 'recipe') }, tools: [weather] });
const recipe = parsed.output_parsed;
for (const output of parsed.output) if (output.type === 'function_call') { const call = output; const args = output.parsed_arguments; }
void client.responses.create({ model: 'm', input: 'Hi', max_output_token: 1 });
const wrong: ResponseInputItem[] = [{ role: 'user', content: 42 }];
`;

let program: ts.Program;
let checker: ts.TypeChecker;
const types = new Map<string, string>();

beforeAll(() => {
  program = compileApp('test/types/__app__.ts', source);
  checker = program.getTypeChecker();
  const file = program.getSourceFile(app)!;
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name))
      types.set(node.name.text, checker.typeToString(checker.getTypeAtLocation(node.name)));
    ts.forEachChild(node, visit);
  };
  visit(file);
}, 60_000);

/** The compile errors of the app, by the text of the line they are on. */
function errorsOn(line: string): string[] {
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(app))
    .filter(
      (d) =>
        d.file &&
        d.start !== undefined &&
        source.split('\n')[d.file.getLineAndCharacterOfPosition(d.start).line]?.includes(line),
    )
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('hovers', () => {
  it.each([
    ['client', 'ResponsesClient<"openai">'],
    ['kawai', 'ResponsesClient<"kawai">'],
    ['response', 'Response'],
    ['item', 'ResponseOutputItem | undefined'],
    // Its events named too: a relayed turn's stream is `ResponseStream<ConversationEvent>`.
    ['stream', 'ResponseStream<ResponseStreamEvent>'],
    ['any', 'ResponseStreamEvent'],
    ['delta', 'ResponseTextDeltaEvent'],
    ['completed', 'Response'],
    ['kawaiCreate', 'Pick<Responses<KawaiCreateParams>, "create" | "parse">'],
    ['chat', 'Conversation<OpenAICreateParams, null>'],
    ['turn', 'Response'],
    ['chatStream', 'ConversationStream<Response>'],
    ['recipe', '{ title: string; } | null'],
    ['call', 'ParsedFunctionToolCall<"get_weather", { city: string; }>'],
    ['args', '{ city: string; }'],
  ])('names the type of %s: %s', (name, text) => {
    expect(types.get(name)).toBe(text);
  });
});

describe('compile errors', () => {
  it('names the params type of a misspelt field', () => {
    const [error, ...rest] = errorsOn('max_output_token');
    expect(rest).toEqual([]);
    expect(error).toContain("'max_output_token' does not exist in type 'OpenAICreateParams'");
  });

  it('says what is wrong with an input message in a few lines, naming the member it meant', () => {
    const errors = errorsOn('content: 42');
    expect(errors).toHaveLength(1);
    const lines = errors[0]!.split('\n');
    expect(lines.length).toBeLessThanOrEqual(5);
    expect(errors[0]!.length).toBeLessThan(600);
    expect(errors[0]).toContain("is not assignable to type 'EasyInputMessage'");
    expect(lines.at(-1)).toContain("Type 'number' is not assignable to type 'string | (");
  });

  it('refers to no type by a renamed or structural name', () => {
    const all = [...types.values(), ...errorsOn('')].join('\n');
    expect(all).not.toMatch(/\$\d|\{ \[x: string\]: unknown/);
  });
});
