/**
 * Chat completions: `POST /chat/completions`, unary or streamed, wherever the server documents
 * it. Loaded on first use, so that apps that never call it do not bundle it.
 */
import type { Dialect, WireObject } from '../dialects/index.js';
import type { ClientConfig, RequestOptions } from '../options.js';
import {
  ChatCompletionChunkSchema,
  ChatCompletionCreateParamsSchema,
  ChatCompletionSchema,
} from '../schemas/chat.js';
import { parseWire } from '../schemas/validate.js';
import { ChatCompletionStream } from '../stream/chat-stream.js';
import { callOptions } from '../transport/call-options.js';
import {
  asObject,
  sendAndOpenStream,
  sendAndReadJSON,
  type WithResponse,
} from '../transport/send-and-read.js';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParams,
} from '../types/index.js';
import { prepare, unsupported } from './prepare.js';

/** Checks and sends a chat completion request: the body of `client.chat.completions.create`. */
async function createChatCompletion(
  config: ClientConfig,
  params: ChatCompletionCreateParams,
  options: RequestOptions | undefined,
): Promise<WithResponse<ChatCompletion | ChatCompletionStream>> {
  const dialect: Dialect = await config.dialect.load();
  const path = dialect.paths.chatCompletions;
  if (!path) throw unsupported(dialect, 'chat.completions.create');
  const prepared = prepare(
    dialect,
    dialect.chatRequest,
    ChatCompletionCreateParamsSchema,
    params as WireObject,
    'chat completion request',
  );
  const request = {
    method: 'POST',
    path: path(config.context),
    body: prepared.body,
    headers: prepared.headers,
    auth: dialect.authHeaders,
    operation: 'chat.completions',
  } as const;
  const call = callOptions(config.transport, options);
  const validation = config.validation;
  if (params.stream) {
    const validate = (chunk: WireObject) =>
      parseWire(ChatCompletionChunkSchema, chunk, 'chat completion chunk') as ChatCompletionChunk;
    return sendAndOpenStream(
      call,
      request,
      (init) =>
        new ChatCompletionStream({
          ...init,
          normalize: dialect.normalizeChatChunk,
          ...(validation ? { validate } : {}),
        }),
    );
  }
  return sendAndReadJSON(call, request, (json) => {
    const completion = dialect.normalizeChatCompletion(asObject(json, 'chat completion'));
    return (
      validation ? parseWire(ChatCompletionSchema, completion, 'chat completion') : completion
    ) as ChatCompletion;
  });
}

/** The methods of `client.chat.completions.create` this module serves, under their names (lazy-methods.ts). */
export { createChatCompletion as create };
