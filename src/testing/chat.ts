/**
 * Chat completions: a turn's reply as the canonical (OpenAI) completion and chunks, each checked
 * by the compiler against the package's own chat types, then answered in the server's own form
 * (its `ChatWire`): unary or streamed, broken off or stalled as the turn says.
 */
import type { ChatCompletion, ChatCompletionChunk } from '../types/index.js';
import { brokenJson, errorAnswer, jsonAnswer, streamAnswer } from './answers.js';
import { never } from './body.js';
import type { Plan, ReplyPlan } from './plan.js';
import type { ChatWire, Json, Wire } from './wire/wire.js';

/** What a completion is before its reply: its id, model, time and prompt size. */
export interface ChatInit {
  id: string;
  model: string;
  created: number;
  promptTokens: number;
}

/** A reply as the canonical unary completion, and as the chunks that stream it. */
export interface ChatReply {
  completion: ChatCompletion;
  chunks: ChatCompletionChunk[];
}

/**
 * Builds the canonical completion of a reply: its text (or refusal) and its tool calls (ids
 * `call_<completion id>_<index>` unless the turn names them), `finish_reason` `stop`,
 * `tool_calls` or, for a reply cut short, `length`; the chunks open with the assistant's role
 * and end with the finish reason, then a usage chunk (which a server may leave out).
 */
export function buildChat(plan: ReplyPlan, init: ChatInit, cut = false): ChatReply {
  const text = plan.message?.kind === 'text' ? plan.message.chunks : [];
  const refusal = plan.message?.kind === 'refusal' ? plan.message.chunks : [];
  const calls = plan.calls.map((call, index) => ({
    index,
    id: call.callId ?? `call_${init.id}_${index}`,
    type: 'function',
    name: call.name,
    arguments: call.arguments,
    chunks: call.chunks,
  }));
  const finish = cut ? 'length' : calls.length > 0 ? 'tool_calls' : 'stop';
  const outputTokens =
    text.length + refusal.length + calls.reduce((sum, call) => sum + call.chunks.length, 0);
  const usage = {
    prompt_tokens: init.promptTokens,
    completion_tokens: outputTokens,
    total_tokens: init.promptTokens + outputTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0 },
  };
  const content = text.length > 0 || calls.length === 0 ? text.join('') : null;
  const toolCalls = calls.map(({ id, type, name, arguments: args }) => ({
    id,
    type,
    function: { name, arguments: args },
  }));
  const shell = { id: init.id, created: init.created, model: init.model };
  const completion = {
    ...shell,
    object: 'chat.completion',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content,
          refusal: refusal.length > 0 ? refusal.join('') : null,
          annotations: [],
          ...(toolCalls.length > 0 && { tool_calls: toolCalls }),
        },
        logprobs: null,
        finish_reason: finish,
      },
    ],
    usage,
    service_tier: 'default',
    system_fingerprint: null,
  } satisfies ChatCompletion;
  const chunk = (delta: Json, finishReason: string | null = null) =>
    ({
      ...shell,
      object: 'chat.completion.chunk',
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
      service_tier: 'default',
      system_fingerprint: null,
    }) satisfies ChatCompletionChunk;
  const chunks: ChatCompletionChunk[] = [
    chunk({ role: 'assistant', content: content === null ? null : '', refusal: null }),
    ...text.map((piece) => chunk({ content: piece })),
    ...refusal.map((piece) => chunk({ refusal: piece })),
    ...calls.flatMap(({ index, id, type, name, chunks: pieces }) => [
      chunk({ tool_calls: [{ index, id, type, function: { name, arguments: '' } }] }),
      ...pieces.map((piece) => chunk({ tool_calls: [{ index, function: { arguments: piece } }] })),
    ]),
    chunk({}, finish),
    { ...shell, object: 'chat.completion.chunk', choices: [], usage },
  ];
  return { completion, chunks };
}

/** What answering one chat completion needs. */
export interface ChatContext {
  wire: Wire;
  chat: ChatWire;
  init: ChatInit;
  requestId: string;
  delayMs: number;
  signal: AbortSignal | null | undefined;
  /** Called with the unary form of a completion the turn finishes (for a server that stores it). */
  keep(completion: Json): void;
}

/**
 * Plays one turn in answer to a chat completion request: the server's unary completion or its
 * stream (paced), failing, breaking off or stalling after `after` chunks as the turn says. A
 * completion that finishes (the whole reply, or one cut short) is handed to `keep`.
 */
export function answerChat(plan: Plan, body: Json, c: ChatContext): Response | Promise<Response> {
  const headers = { 'x-request-id': c.requestId };
  if (plan.kind === 'http_error') {
    const answerHeaders = { ...headers, ...plan.headers };
    if (plan.body) return jsonAnswer(plan.status, plan.body.value, answerHeaders);
    return errorAnswer(c.wire, { ...plan, type: plan.errorType }, answerHeaders);
  }
  if (plan.kind === 'stall' && plan.after === undefined) return never(c.signal);
  const { completion, chunks } = buildChat(plan.reply, c.init, plan.kind === 'incomplete');
  const unary = c.chat.completion(completion as Json, body);
  if (plan.kind === 'reply' || plan.kind === 'incomplete') c.keep(unary);
  if (body.stream !== true) {
    if (plan.kind === 'stall') return never(c.signal);
    const text = JSON.stringify(unary);
    if (plan.kind !== 'drop') return jsonAnswer(200, text, headers);
    return brokenJson(text, headers, c.signal);
  }
  const { chat } = c;
  const sent = chat.chunks(chunks as Json[], body);
  const paced = { delayMs: plan.reply.delayMs ?? c.delayMs, signal: c.signal };
  const framed = (list: readonly Json[]) => [...chat.prelude, ...list.map(chat.frame)];
  if (plan.kind === 'reply' || plan.kind === 'incomplete')
    return streamAnswer([...framed(sent), ...chat.epilogue], { ...paced, end: 'close' }, headers);
  const before = sent.slice(0, plan.after);
  if (plan.kind === 'stream_error') {
    const failure = chat.failure(plan.error, before.at(-1) ?? sent[0] ?? {});
    return streamAnswer([...framed(before), ...failure], { ...paced, end: 'close' }, headers);
  }
  return streamAnswer(framed(before), { ...paced, end: plan.kind }, headers);
}
