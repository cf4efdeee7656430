import { RequestValidationError } from '../errors.js';
import { isObject } from '../json.js';
import { checkRequest, type WireSchema } from '../schemas/validate.js';
import {
  type HttpErrorPlan,
  type Plan,
  type PlannedCall,
  type ReplyPlan,
  splitEvery,
  splitWords,
} from './plan.js';
import {
  DropTurnSchema,
  ErrorTurnSchema,
  IncompleteTurnSchema,
  JsonTurnSchema,
  OneCallTurnSchema,
  ParallelCallsTurnSchema,
  RefusalTurnSchema,
  StallTurnSchema,
  StreamErrorTurnSchema,
  TextTurnSchema,
  TurnObjectSchema,
} from './turn-schemas.js';
import type { Chunked, ErrorTurn, FunctionCall, FunctionCallTurn, Paced } from './turns.js';

/** The schema of each kind of turn written out as an object (`type` left out: text). */
const schemas = {
  text: TextTurnSchema,
  function_call: OneCallTurnSchema,
  refusal: RefusalTurnSchema,
  json: JsonTurnSchema,
  error: ErrorTurnSchema,
  stream_error: StreamErrorTurnSchema,
  drop: DropTurnSchema,
  stall: StallTurnSchema,
  incomplete: IncompleteTurnSchema,
};
type Kind = keyof typeof schemas;
const kinds = Object.keys(schemas) as Kind[];
const DEFAULT_REPLY = 'This reply breaks off before its end.';

type Fail = (problem: string) => never;

/** A field's path as a refusal names it: `after`, `calls[1].arguments`. */
const fieldOf = (path: readonly (string | number)[]) =>
  path.map((key, at) => (typeof key === 'number' ? `[${key}]` : at ? `.${key}` : key)).join('');

/** The turn checked by its schema, or the refusal of its first broken field (`… got 5`). */
function checked<T>(schema: WireSchema<T>, turn: unknown, fail: Fail): T {
  try {
    return checkRequest(schema, turn, 'turn');
  } catch (error) {
    if (!(error instanceof RequestValidationError)) throw error;
    const [issue] = error.issues;
    if (!issue) return fail(error.message);
    return fail(issue.path.length ? `\`${fieldOf(issue.path)}\` ${issue.message}` : issue.message);
  }
}

/** Checks a turn written out and turns it into its plan; `name` says which turn, for the message. */
export function planTurn(turn: unknown, name: string): Plan {
  const fail: Fail = (problem) => {
    throw new TypeError(`${name} is not a valid turn: ${problem}.`);
  };
  if (typeof turn === 'string') return { kind: 'reply', reply: textReply({ text: turn }, fail) };
  if (!isObject(turn)) return checked(TurnObjectSchema, turn, fail) as never;
  const type = turn.type ?? 'text';
  if (typeof type !== 'string' || !kinds.includes(type as Kind))
    return fail(`unknown type ${JSON.stringify(type)}; expected one of ${kinds.join(', ')}`);
  if (type === 'error') return httpError(checked(ErrorTurnSchema, turn, fail));
  const ending = endings[type as keyof typeof endings];
  if (ending) return ending(turn, name, fail);
  return { kind: 'reply', reply: reply(turn, type as Kind, fail) };
}

/** A turn that breaks off or stops short: checked by its schema, planned with its reply. */
const endingOf =
  <T extends Paced & { reply?: unknown }>(
    schema: WireSchema<T>,
    plan: (turn: T, reply: ReplyPlan) => Plan,
  ) =>
  (turn: unknown, name: string, fail: Fail): Plan => {
    const checkedTurn = checked(schema, turn, fail);
    return plan(checkedTurn, interrupted(checkedTurn, name, fail));
  };

/** The turns that break off (an error event, a drop, a stall) or stop short. */
const endings = {
  stream_error: endingOf(StreamErrorTurnSchema, (turn, reply) => ({
    kind: 'stream_error',
    reply,
    after: turn.after,
    error: { message: turn.message, code: turn.code ?? 'server_error' },
    as: turn.as,
  })),
  drop: endingOf(DropTurnSchema, (turn, reply) => ({ kind: 'drop', reply, after: turn.after })),
  stall: endingOf(StallTurnSchema, (turn, reply) => ({ kind: 'stall', reply, after: turn.after })),
  incomplete: endingOf(IncompleteTurnSchema, (turn, reply) => ({
    kind: 'incomplete',
    reply,
    reason: turn.reason ?? 'max_output_tokens',
  })),
};

/** The reply of a turn that breaks off or stops short (its `reply`, or a short text), paced as it says. */
function interrupted(turn: Paced & { reply?: unknown }, name: string, fail: Fail): ReplyPlan {
  const inner = planTurn(turn.reply ?? DEFAULT_REPLY, `${name}.reply`);
  if (inner.kind !== 'reply')
    fail(
      `its reply must be text, function calls, a refusal or JSON, not ${inner.kind === 'http_error' ? 'an error' : `a ${inner.kind}`} turn`,
    );
  const { reply } = inner as { reply: ReplyPlan };
  return { ...reply, delayMs: turn.delayMs ?? reply.delayMs };
}

const words = (text: string | undefined) => (text === undefined ? undefined : splitWords(text));

function reply(turn: Record<string, unknown>, type: Kind, fail: Fail): ReplyPlan {
  if (type === 'text') return textReply(turn, fail);
  if (type === 'refusal') {
    const checkedTurn = checked(RefusalTurnSchema, turn, fail);
    const message = {
      kind: 'refusal' as const,
      chunks: chunks(checkedTurn.refusal, checkedTurn, fail),
    };
    return {
      reasoning: undefined,
      message,
      calls: [],
      delayMs: checkedTurn.delayMs,
      usage: checkedTurn.usage,
    };
  }
  if (type === 'json') {
    const checkedTurn = checked(JsonTurnSchema, turn, fail);
    if (!('json' in turn)) fail('a json turn needs `json`, the value to answer with');
    const serialized = JSON.stringify(checkedTurn.json);
    if (serialized === undefined) fail('`json` must be a JSON value');
    return {
      reasoning: words(checkedTurn.reasoning),
      message: { kind: 'text', chunks: chunks(serialized as string, checkedTurn, fail, 8) },
      calls: [],
      delayMs: checkedTurn.delayMs,
      usage: checkedTurn.usage,
    };
  }
  if (turn.calls !== undefined && turn.name !== undefined) fail('give `name` or `calls`, not both');
  const schema = turn.calls === undefined ? OneCallTurnSchema : ParallelCallsTurnSchema;
  const checkedTurn: FunctionCallTurn = checked<FunctionCallTurn>(schema, turn, fail);
  const calls: readonly FunctionCall[] = checkedTurn.calls ?? [checkedTurn as FunctionCall];
  const planned = calls.map((call) => plannedCall(call, checkedTurn.chunkSize ?? 8));
  const callIds = planned.flatMap((call) => (call.callId === undefined ? [] : [call.callId]));
  if (new Set(callIds).size < callIds.length) fail('two calls have the same `callId`');
  const text = checkedTurn.text;
  return {
    reasoning: words(checkedTurn.reasoning),
    message: text === undefined ? undefined : { kind: 'text', chunks: splitWords(text) },
    calls: planned,
    delayMs: checkedTurn.delayMs,
    usage: checkedTurn.usage,
  };
}

function textReply(turn: unknown, fail: Fail): ReplyPlan {
  const checkedTurn = checked(TextTurnSchema, turn, fail);
  return {
    reasoning: words(checkedTurn.reasoning),
    message: { kind: 'text', chunks: chunks(checkedTurn.text, checkedTurn, fail) },
    calls: [],
    delayMs: checkedTurn.delayMs,
    usage: checkedTurn.usage,
  };
}

function plannedCall(call: FunctionCall, size: number): PlannedCall {
  const args = call.arguments;
  const serialized = typeof args === 'string' ? args : JSON.stringify(args ?? {});
  return {
    name: call.name,
    arguments: serialized,
    chunks: splitEvery(serialized, size),
    callId: call.callId,
  };
}

/** The deltas of a streamed string: `chunks` as given, `chunkSize` pieces, or words. */
function chunks(value: string, turn: Chunked, fail: Fail, defaultSize?: number): string[] {
  if (turn.chunks !== undefined && turn.chunkSize !== undefined)
    fail('give `chunks` or `chunkSize`, not both');
  if (turn.chunks !== undefined) {
    const joined = turn.chunks.join('');
    if (joined !== value) fail(`\`chunks\` join to ${JSON.stringify(joined)}, not the reply`);
    return [...turn.chunks];
  }
  if (turn.chunkSize !== undefined) return splitEvery(value, turn.chunkSize);
  return defaultSize === undefined ? splitWords(value) : splitEvery(value, defaultSize);
}

function httpError(turn: ErrorTurn): HttpErrorPlan {
  const { status } = turn;
  return {
    kind: 'http_error',
    status,
    message: turn.message ?? `Request failed with status ${status}`,
    code: turn.code ?? null,
    errorType: turn.errorType ?? (status >= 500 ? 'server_error' : 'invalid_request_error'),
    param: turn.param ?? null,
    headers: turn.headers ?? {},
    body: turn.body === undefined ? undefined : { value: turn.body },
  };
}
