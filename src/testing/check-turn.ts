import { isObject } from '../json.js';
import {
  type HttpErrorPlan,
  type Plan,
  type PlannedCall,
  type ReplyPlan,
  splitEvery,
  splitWords,
} from './plan.js';
import type { FunctionCall } from './turns.js';

type Fields = Record<string, unknown>;

const kinds = [
  'text',
  'function_call',
  'refusal',
  'json',
  'error',
  'stream_error',
  'drop',
  'stall',
];
const DEFAULT_REPLY = 'This reply breaks off before its end.';

/** Checks a turn written out and turns it into its plan; `name` says which turn, for the message. */
export function planTurn(turn: unknown, name: string): Plan {
  const fail = (problem: string): never => {
    throw new TypeError(`${name} is not a valid turn: ${problem}.`);
  };
  if (typeof turn === 'string') return { kind: 'reply', reply: textReply({ text: turn }, fail) };
  if (!isObject(turn)) {
    return fail(`expected a string, a turn object or a function, got ${describe(turn)}`);
  }
  const type = turn.type ?? 'text';
  if (typeof type !== 'string' || !kinds.includes(type)) {
    return fail(`unknown type ${JSON.stringify(type)}; expected one of ${kinds.join(', ')}`);
  }
  switch (type) {
    case 'error':
      return httpError(turn, fail);
    case 'stream_error':
      return {
        kind: 'stream_error',
        reply: interrupted(turn, name, fail),
        after: count(turn.after, 'after', fail),
        error: {
          message: text(turn.message, 'message', fail),
          code: optionalText(turn.code, 'code', fail) ?? 'server_error',
        },
        as: oneOf(turn.as, ['error', 'response.failed'], 'as', fail),
      };
    case 'drop':
      return {
        kind: 'drop',
        reply: interrupted(turn, name, fail),
        after: count(turn.after, 'after', fail),
      };
    case 'stall':
      return {
        kind: 'stall',
        reply: interrupted(turn, name, fail),
        after: turn.after === undefined ? undefined : count(turn.after, 'after', fail),
      };
    default:
      return { kind: 'reply', reply: reply(turn, type, fail) };
  }
}

/** The reply of a turn that breaks off (its `reply`, or a short text), with the turn's pacing. */
function interrupted(turn: Fields, name: string, fail: Fail): ReplyPlan {
  const inner = planTurn(turn.reply ?? DEFAULT_REPLY, `${name}.reply`);
  if (inner.kind !== 'reply')
    fail(
      `its reply must be text, function calls, a refusal or JSON, not ${inner.kind === 'http_error' ? 'an error' : `a ${inner.kind}`} turn`,
    );
  const { reply } = inner as { reply: ReplyPlan };
  return {
    ...reply,
    delayMs: turn.delayMs === undefined ? reply.delayMs : delay(turn.delayMs, fail),
  };
}

type Fail = (problem: string) => never;

function reply(turn: Fields, type: string, fail: Fail): ReplyPlan {
  if (type === 'text') return textReply(turn, fail);
  const delayMs = turn.delayMs === undefined ? undefined : delay(turn.delayMs, fail);
  const reasoning = optionalText(turn.reasoning, 'reasoning', fail);
  const base = { reasoning: reasoning === undefined ? undefined : splitWords(reasoning), delayMs };
  if (type === 'refusal') {
    const refusal = text(turn.refusal, 'refusal', fail);
    return {
      ...base,
      message: { kind: 'refusal', chunks: chunks(refusal, turn, fail) },
      calls: [],
    };
  }
  if (type === 'json') {
    if (!('json' in turn)) fail('a json turn needs `json`, the value to answer with');
    const serialized = JSON.stringify(turn.json);
    if (serialized === undefined) fail('`json` must be a JSON value');
    return {
      ...base,
      message: { kind: 'text', chunks: chunks(serialized as string, turn, fail, 8) },
      calls: [],
    };
  }
  const calls = Array.isArray(turn.calls) ? (turn.calls as unknown[]) : [turn];
  if (turn.calls !== undefined && !Array.isArray(turn.calls)) fail('`calls` must be an array');
  if (turn.calls !== undefined && turn.name !== undefined) fail('give `name` or `calls`, not both');
  if (calls.length === 0) fail('`calls` is empty: a function_call turn makes at least one call');
  const planned = calls.map((call, index) => plannedCall(call, index, turn, fail));
  const callIds = planned.flatMap((call) => (call.callId === undefined ? [] : [call.callId]));
  if (new Set(callIds).size < callIds.length) fail('two calls have the same `callId`');
  const message = optionalText(turn.text, 'text', fail);
  return {
    ...base,
    message: message === undefined ? undefined : { kind: 'text', chunks: splitWords(message) },
    calls: planned,
  };
}

function textReply(turn: Fields, fail: Fail): ReplyPlan {
  const value = text(turn.text, 'text', fail);
  const reasoning = optionalText(turn.reasoning, 'reasoning', fail);
  return {
    reasoning: reasoning === undefined ? undefined : splitWords(reasoning),
    message: { kind: 'text', chunks: chunks(value, turn, fail) },
    calls: [],
    delayMs: turn.delayMs === undefined ? undefined : delay(turn.delayMs, fail),
  };
}

function plannedCall(call: unknown, index: number, turn: Fields, fail: Fail): PlannedCall {
  const where = turn.calls === undefined ? '' : `calls[${index}].`;
  if (!isObject(call)) return fail(`${where.slice(0, -1)} must be an object { name, arguments }`);
  const { name, arguments: args, callId } = call as Partial<FunctionCall> & Fields;
  if (typeof name !== 'string' || name === '') fail(`${where}name must be a non-empty string`);
  let serialized = '{}';
  if (typeof args === 'string') serialized = args;
  else if (isObject(args)) serialized = JSON.stringify(args);
  else if (args !== undefined) fail(`${where}arguments must be an object or a string`);
  if (callId !== undefined && (typeof callId !== 'string' || callId === ''))
    fail(`${where}callId must be a non-empty string`);
  const size = turn.chunkSize === undefined ? 8 : positive(turn.chunkSize, 'chunkSize', fail);
  return {
    name: name as string,
    arguments: serialized,
    chunks: splitEvery(serialized, size),
    callId: callId as string | undefined,
  };
}

/** The deltas of a streamed string: `chunks` as given, `chunkSize` pieces, or words. */
function chunks(value: string, turn: Fields, fail: Fail, defaultSize?: number): string[] {
  if (turn.chunks !== undefined && turn.chunkSize !== undefined)
    fail('give `chunks` or `chunkSize`, not both');
  if (turn.chunks !== undefined) {
    const given = turn.chunks;
    if (!Array.isArray(given) || !given.every((chunk) => typeof chunk === 'string'))
      fail('`chunks` must be an array of strings');
    if ((given as string[]).join('') !== value)
      fail(`\`chunks\` join to ${JSON.stringify((given as string[]).join(''))}, not the reply`);
    return given as string[];
  }
  if (turn.chunkSize !== undefined)
    return splitEvery(value, positive(turn.chunkSize, 'chunkSize', fail));
  return defaultSize === undefined ? splitWords(value) : splitEvery(value, defaultSize);
}

function httpError(turn: Fields, fail: Fail): HttpErrorPlan {
  const status = turn.status;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599)
    fail(
      `an error turn needs \`status\`, an HTTP error status from 400 to 599 (got ${describe(status)})`,
    );
  const headers = turn.headers ?? {};
  if (!isObject(headers) || !Object.values(headers).every((value) => typeof value === 'string'))
    fail('`headers` must be an object of strings');
  return {
    kind: 'http_error',
    status: status as number,
    message: optionalText(turn.message, 'message', fail) ?? `Request failed with status ${status}`,
    code: nullableText(turn.code, 'code', fail),
    errorType:
      optionalText(turn.errorType, 'errorType', fail) ??
      ((status as number) >= 500 ? 'server_error' : 'invalid_request_error'),
    param: nullableText(turn.param, 'param', fail),
    headers: headers as Record<string, string>,
    body: 'body' in turn && turn.body !== undefined ? { value: turn.body } : undefined,
  };
}

function text(value: unknown, field: string, fail: Fail): string {
  if (typeof value !== 'string') fail(`\`${field}\` must be a string (got ${describe(value)})`);
  return value as string;
}

function optionalText(value: unknown, field: string, fail: Fail): string | undefined {
  return value === undefined ? undefined : text(value, field, fail);
}

function nullableText(value: unknown, field: string, fail: Fail): string | null {
  return value === null || value === undefined ? null : text(value, field, fail);
}

function count(value: unknown, field: string, fail: Fail): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    fail(`\`${field}\` must be a whole number of events, 0 or more (got ${describe(value)})`);
  return value as number;
}

function positive(value: unknown, field: string, fail: Fail): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    fail(`\`${field}\` must be a whole number from 1 (got ${describe(value)})`);
  return value as number;
}

function delay(value: unknown, fail: Fail): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  return fail(`\`delayMs\` must be a number of milliseconds, 0 or more (got ${describe(value)})`);
}

function oneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  field: string,
  fail: Fail,
): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T))
    fail(`\`${field}\` must be ${allowed.map((a) => JSON.stringify(a)).join(' or ')}`);
  return value as T;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
