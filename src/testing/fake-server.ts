import { type DialectName, type DialectParams, resolveDialect } from '../dialects/index.js';
import { isObject } from '../json.js';
import type { ChatCompletion, ConversationResource } from '../types/index.js';
import { badRequest, errorAnswer, jsonAnswer, notFound } from './answers.js';
import { answerChat } from './chat.js';
import {
  answerConversation,
  type ConversationEndpoint,
  conversationObject,
} from './conversations.js';
import { answerCreate, historyOf, refuseState } from './create.js';
import type { FakeServer, FakeServerOptions } from './fake-server-options.js';
import { fakeSockets } from './fake-sockets.js';
import { History, inputItems } from './history.js';
import { answerModel } from './one-model.js';
import { receive } from './receive.js';
import type { RecordedRequest } from './recorded-request.js';
import { replayServer } from './replay.js';
import { bearerOf, type Route } from './routes.js';
import { Script } from './script.js';
import { answerStoredChat, keepChat, type StoredChatEndpoint } from './stored-chat.js';
import {
  answerCompact,
  answerInputTokens,
  answerStored,
  type StoredEndpoint,
  tokensOf,
} from './stored-routes.js';
import type { TurnFunction } from './turns.js';
import type { SocketCache } from './websocket-session.js';
import { wires } from './wire/index.js';
import type { Json, Wire } from './wire/wire.js';

/**
 * Creates a fake Responses server that runs in-process as a `fetch` function: `POST /responses`
 * (and a chat completion, where its server has them) plays the next scripted turn, unary or
 * streamed as asked, in the wire format of `dialect`; it refuses what that server refuses, and
 * keeps what that server keeps: responses (retrieved, deleted, cancelled, listed and continued
 * from), conversations and their items, stored chat completions and its models, each at that
 * server's paths (any other path is a 404). A malformed turn is refused here, with a message
 * naming it. When the script runs out it answers 500 with `x-should-retry: false`, saying so.
 * Given a `cassette` instead of turns, it replays that recording.
 *
 * @example
 * const server = createFakeServer({ turns: ['Hello there!'] });
 * const client = new ResponsesClient({ fetch: server.fetch, baseURL: server.baseURL });
 */
export function createFakeServer<D extends DialectName = 'openai'>(
  options: FakeServerOptions<D> = {},
): FakeServer<DialectParams[D]> {
  type Params = DialectParams[D];
  const name: DialectName = options.dialect ?? 'openai';
  // An unknown name is refused as the client refuses it: a ResponsesError naming the dialects.
  resolveDialect(name);
  const wire: Wire = wires[name];
  const baseURL = (options.baseURL ?? 'https://fake.responses.test/v1').replace(/\/+$/, '');
  if (options.cassette !== undefined) {
    if (options.turns !== undefined)
      throw new TypeError('createFakeServer: give `turns` or a `cassette` to replay, not both.');
    const { cassette, ignore, realTime } = options;
    return replayServer({ cassette, ignore, realTime, wire, baseURL });
  }
  const basePath = new URL(baseURL).pathname.replace(/\/+$/, '');
  const model = options.model ?? 'fake-model';
  const script = new Script(wire, options.turns as readonly unknown[] | TurnFunction<never>);
  const history = new History();
  const models = [...(options.models ?? [model])];
  const requests: RecordedRequest<Params>[] = [];
  const count = { created: 0, completions: 0, items: 0, conversations: 0 };
  const newItemId = (prefix: string) => `${prefix}_fake_in_${++count.items}`;
  const newId = (prefix: string) =>
    prefix === 'conv' ? `conv_fake_${++count.conversations}` : newItemId(prefix);

  const objectOf = (body: unknown) => (isObject(body) ? body : undefined);
  const notAnObject = () => badRequest(wire, 'The request body must be a JSON object.');

  /** `cache`: the socket's own responses, for a `response.create` message (always streamed). */
  async function create(
    request: RecordedRequest<Params>,
    index: number,
    signal: Signal,
    cache?: SocketCache,
  ) {
    const sent = objectOf(request.body);
    if (!sent) return notAnObject();
    const body = cache ? { ...sent, stream: true } : sent;
    const refused =
      wire.refuse({ body, headers: request.headers, models: options.models }) ??
      refuseState(body, wire, history, cache);
    if (refused) return errorAnswer(wire, refused);
    const input = inputItems(body, newItemId);
    request.context = [...historyOf(body, wire, history, cache), ...input];
    const refusedInput = wire.checkContext?.(request.context);
    if (refusedInput) return errorAnswer(wire, refusedInput);
    const turn = await script.next(request, index);
    if (!('kind' in turn)) return turn;
    count.created += 1;
    return answerCreate(turn, body, input, request.context, {
      wire,
      history,
      requestId: `req_fake_${index + 1}`,
      responseId: wire.responseId(count.created),
      model,
      delayMs: options.delayMs ?? 0,
      signal,
      cache,
    });
  }

  async function chat(request: RecordedRequest<Params>, index: number, signal: Signal) {
    const chatWire = wire.chat;
    const body = objectOf(request.body);
    if (!body || !chatWire) return notAnObject();
    const refused = chatWire.refuse({ body, headers: request.headers, models: options.models });
    if (refused) return errorAnswer(wire, refused);
    request.context = inputItems(body, newItemId);
    const turn = await script.next(request, index);
    if (!('kind' in turn)) return turn;
    const init = {
      id: chatWire.id(++count.completions),
      model: typeof body.model === 'string' ? body.model : model,
      created: Math.floor(Date.now() / 1000),
      promptTokens: tokensOf(body.messages),
    };
    const stores = chatWire.stores === true && body.store === true;
    return answerChat(turn, body, {
      wire,
      chat: chatWire,
      init,
      requestId: `req_fake_${index + 1}`,
      delayMs: options.delayMs ?? 0,
      signal,
      keep: (completion) => stores && keepChat(history, completion, body),
    });
  }

  /** The answer to a request that reached `route`, its key checked first where one is required. */
  function answer(request: RecordedRequest<Params>, route: Route, url: URL, signal: Signal) {
    const index = requests.length - 1;
    const { endpoint } = route;
    const below = `/${request.path.join('/')}`;
    if (endpoint === 'unknown')
      return notFound(wire, `No route for ${request.method} ${below} on this ${name} server.`);
    const key = bearerOf(request.headers);
    if (options.apiKey !== undefined && key !== options.apiKey)
      return errorAnswer(wire, wire.unauthorized(key));
    const body = (request.body ?? {}) as Json;
    const query = url.searchParams;
    if (endpoint.startsWith('conversation_')) {
      if (request.method === 'POST' && !objectOf(request.body)) return notAnObject();
      const c = { wire, history, newId };
      return answerConversation(endpoint as ConversationEndpoint, route, body, query, c);
    }
    if (endpoint.startsWith('chat_completion_') || endpoint === 'chat_completions_list')
      return answerStoredChat(endpoint as StoredChatEndpoint, route, body, query, {
        wire,
        history,
      });
    switch (endpoint) {
      case 'create':
        return create(request, index, signal);
      case 'chat_completions':
        return chat(request, index, signal);
      case 'models':
        return jsonAnswer(200, wire.models?.body(models));
      case 'model_retrieve':
      case 'model_delete':
        return answerModel(models, route.id, endpoint === 'model_delete', wire);
      case 'compact': {
        const object = objectOf(request.body);
        const id = `fake_compact_${++count.items}`;
        return object ? answerCompact(object, history, wire, id) : notAnObject();
      }
      case 'input_tokens':
        return answerInputTokens(body, history, wire);
      default:
        return answerStored(endpoint as StoredEndpoint, route.id, query, history, wire);
    }
  }

  async function fetch(
    input: string | URL | Request,
    init?: RequestInit,
  ): Promise<globalThis.Response> {
    const { recorded, route, url, unreadable, signal } = await receive<Params>(
      input,
      init,
      basePath,
      wire,
    );
    const number = requests.push(recorded);
    const answered = unreadable
      ? badRequest(wire, 'The request body is not valid JSON.')
      : await answer(recorded, route, url, signal);
    recorded.status = answered.status;
    // As real servers do, every answer names its request.
    if (!answered.headers.has('x-request-id'))
      answered.headers.set('x-request-id', `req_fake_${number}`);
    return answered;
  }

  const sockets = fakeSockets({
    wire,
    basePath,
    requests,
    apiKey: options.apiKey,
    refuseAll: wire.webSocket ? undefined : `The ${name} server has no WebSocket mode.`,
    create: (request, index, signal, cache) => create(request, index, signal, cache),
  });

  return {
    fetch,
    baseURL,
    dialect: name,
    requests,
    WebSocket: sockets.WebSocket,
    get connections() {
      return sockets.connections;
    },
    get remainingTurns() {
      return script.remaining;
    },
    enqueue: (...turns) => script.enqueue(turns),
    storedResponse: (id) => history.responses.get(id)?.response,
    conversationItems: (id) => [...(history.conversations.get(id)?.items ?? [])],
    storedConversation: (id) => {
      const kept = history.conversations.get(id);
      return kept && (conversationObject(kept) as ConversationResource);
    },
    storedChatCompletion: (id) => history.chats.get(id)?.completion as ChatCompletion | undefined,
  };
}

type Signal = AbortSignal | null;
