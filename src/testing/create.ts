import { isObject } from '../json.js';
import type { ResponseItem } from '../resources/responses.js';
import type {
  ResponseFailedEvent,
  Response as ResponseObject,
  ResponseStreamEvent,
} from '../types/index.js';
import { brokenJson, errorAnswer, jsonAnswer, streamAnswer } from './answers.js';
import { type BodyEnd, never } from './body.js';
import type { ResponseInit } from './builders.js';
import type { History, StoredResponse } from './history.js';
import type { Plan, ReplyPlan } from './plan.js';
import { buildReply, failedResponse } from './reply.js';
import type { Json, Wire, WireError, WireEvent } from './wire/wire.js';

/** What answering one create request needs to know. */
export interface CreateContext {
  wire: Wire;
  history: History;
  /** The request's id, for `x-request-id`. */
  requestId: string;
  /** The new response's id. */
  responseId: string;
  model: string;
  delayMs: number;
  signal: AbortSignal | null | undefined;
  /** The socket's own responses, when the request came over a WebSocket: where `store: false` ones go. */
  cache?: Map<string, StoredResponse> | undefined;
}

/** The conversation id a request names (`"conv_…"` or `{ id }`), if any. */
export function conversationOf(body: Json): string | undefined {
  const { conversation } = body;
  if (typeof conversation === 'string') return conversation;
  if (isObject(conversation) && typeof conversation.id === 'string') return conversation.id;
  return undefined;
}

/** Why the server refuses a request's state fields, if it does (see `StateRules`). */
export function refuseState(
  body: Json,
  wire: Wire,
  history: History,
  cache?: ReadonlyMap<string, StoredResponse>,
): WireError | undefined {
  const refused = wire.state.refuse(body);
  if (refused) return refused;
  const conversation = conversationOf(body);
  const { conversations } = wire.state;
  if (conversations && conversation !== undefined && !history.conversations.has(conversation))
    return conversations.unknown?.(conversation);
  const previous = body.previous_response_id;
  if (typeof previous !== 'string') return undefined;
  const rule = wire.state.previous;
  if (rule.keeps)
    return history.responses.has(previous) || cache?.has(previous)
      ? undefined
      : rule.unknown(previous);
  return rule.refuse;
}

/** The items the server already holds for this request: its chain or its conversation. */
export function historyOf(
  body: Json,
  wire: Wire,
  history: History,
  cache?: ReadonlyMap<string, StoredResponse>,
): ResponseItem[] {
  const previous = body.previous_response_id;
  if (wire.state.previous.keeps && typeof previous === 'string')
    return history.chain(previous, cache);
  const conversation = conversationOf(body);
  if (wire.state.conversations && conversation !== undefined)
    return history.conversations.get(conversation)?.items ?? [];
  return [];
}

/** How many events the server sends for a reply, in its wire format. */
export function wireEventCount(wire: Wire, reply: ReplyPlan): number {
  const init = responseInit({}, 'resp_count', 'model');
  return wire.events(buildReply(reply, init, 0).events, {}).length;
}

/** The canonical events behind the first `after` events the server sends of them. */
function sentBefore(wire: Wire, events: readonly ResponseStreamEvent[], after: number, body: Json) {
  let count = 0;
  while (count < events.length && wire.events(events.slice(0, count), body).length < after)
    count += 1;
  return events.slice(0, count);
}

function responseInit(body: Json, id: string, model: string): ResponseInit {
  return {
    id,
    model: typeof body.model === 'string' ? body.model : model,
    createdAt: Math.floor(Date.now() / 1000),
    previousResponseId:
      typeof body.previous_response_id === 'string' ? body.previous_response_id : null,
    conversation: conversationOf(body) ?? null,
    background: body.background === true,
    store: body.store !== false,
    instructions: typeof body.instructions === 'string' ? body.instructions : null,
  };
}

/** The response as a unary `background: true` create answers it: queued, nothing out yet. */
const queued = (response: ResponseObject): ResponseObject => ({
  ...response,
  status: 'queued',
  completed_at: null,
  output: [],
  output_text: '',
  usage: null,
});

/**
 * Plays one turn in answer to a create request: the reply as the server's unary body or event
 * stream (paced), broken off or stalled as the turn says; the response is kept (where the
 * server keeps them) with its input, and its items join the request's conversation.
 */
export function answerCreate(
  plan: Plan,
  body: Json,
  input: ResponseItem[],
  context: readonly ResponseItem[],
  c: CreateContext,
): Response | Promise<Response> {
  const { wire } = c;
  const headers = { 'x-request-id': c.requestId };
  if (plan.kind === 'http_error') {
    const answerHeaders = { ...headers, ...plan.headers };
    if (plan.body) return jsonAnswer(plan.status, plan.body.value, answerHeaders);
    return errorAnswer(wire, { ...plan, type: plan.errorType }, answerHeaders);
  }
  if (plan.kind === 'stall' && plan.after === undefined) return never(c.signal);

  const init = responseInit(body, c.responseId, c.model);
  // About four characters a token, as the usual rule of thumb goes.
  const inputTokens = Math.ceil(JSON.stringify(context).length / 4);
  const reason = plan.kind === 'incomplete' ? plan.reason : undefined;
  const reply = buildReply(plan.reply, init, inputTokens, reason);
  const stream = body.stream === true;
  if (plan.kind === 'stream_error') {
    const sent = sentBefore(wire, reply.events, plan.after, body);
    const failed = failedResponse(init, plan.error, sent);
    const failedEvent = {
      type: 'response.failed',
      sequence_number: sent.length,
      response: failed,
    } satisfies ResponseFailedEvent;
    keep(body, init, { input, context }, failed, [...sent, failedEvent], false, c);
    if (!stream) return jsonAnswer(200, wire.body(failed, body), headers);
    const form = plan.as ?? wire.failsWith;
    const failure =
      form === 'error'
        ? wire.errorEvents(plan.error, failed, plan.after)
        : wire.failedEvents(failed, plan.after);
    const events = [...wire.events(reply.events, body).slice(0, plan.after), ...failure];
    return eventStream(events, 'close', plan.reply, c, headers);
  }
  if (plan.kind !== 'stall')
    keep(
      body,
      init,
      { input, context },
      reply.response,
      reply.events,
      init.background && !stream,
      c,
    );
  if (!stream) {
    if (plan.kind === 'stall') return never(c.signal);
    const answered = init.background ? queued(reply.response) : reply.response;
    const text = JSON.stringify(wire.body(answered, body));
    if (plan.kind === 'drop') return brokenJson(text, headers, c.signal);
    return jsonAnswer(200, text, headers);
  }
  const events = wire.events(reply.events, body);
  if (plan.kind === 'reply' || plan.kind === 'incomplete')
    return eventStream(events, 'close', plan.reply, c, headers);
  return eventStream(events.slice(0, plan.after), plan.kind, plan.reply, c, headers);
}

/** The events as the server's SSE body, paced by the turn (or the server), ending as `end` says. */
function eventStream(
  events: readonly WireEvent[],
  end: BodyEnd,
  reply: ReplyPlan,
  { wire, delayMs, signal }: CreateContext,
  headers: Record<string, string>,
): Response {
  const pieces = [...wire.prelude, ...events.map(wire.frame)];
  if (end === 'close') pieces.push(...wire.epilogue);
  return streamAnswer(pieces, { delayMs: reply.delayMs ?? delayMs, end, signal }, headers);
}

/**
 * Keeps the response where the server keeps them (unless `store: false`), still queued when a
 * unary `background` create made it, and adds the turn to its conversation.
 */
function keep(
  body: Json,
  init: ResponseInit,
  { input, context }: { input: ResponseItem[]; context: readonly ResponseItem[] },
  final: ResponseObject,
  events: ResponseStreamEvent[],
  isQueued: boolean,
  { wire, history, cache }: CreateContext,
): void {
  const stored: StoredResponse = {
    response: isQueued ? queued(final) : final,
    pending: isQueued ? final : undefined,
    events,
    input,
    previous: init.previousResponseId ?? undefined,
    background: init.background,
  };
  if (wire.state.previous.keeps && init.store) history.responses.set(init.id, stored);
  else if (wire.state.previous.keeps && cache) {
    // A socket keeps its latest unstored response only, as OpenAI's does (enough to chain on),
    // with everything the model saw, since the responses before it are gone.
    cache.clear();
    cache.set(init.id, { ...stored, input: [...context], previous: undefined });
  }
  const conversation = conversationOf(body);
  if (wire.state.conversations && conversation !== undefined)
    history.conversation(conversation).items.push(...input, ...final.output);
}
