import type { Dialect, WireObject } from '../dialects/index.js';
import {
  type ChatCompletion,
  type ChatCompletionChunk,
  ChatCompletionChunkSchema,
  type ChatCompletionCreateParams,
  ChatCompletionCreateParamsSchema,
  ChatCompletionSchema,
  parseWire,
} from '../schemas/index.js';
import { ChatCompletionStream } from '../stream/chat-stream.js';
import type { ClientConfig, RequestOptions } from '../transport/config.js';
import { APIPromise, type WithResponse } from './api-promise.js';
import { asObject, callJSON, callStream } from './call.js';
import { prepare, unsupported } from './prepare.js';

/** `client.chat.completions`: the Chat Completions API, wherever the server documents it. */
export class ChatCompletions {
  readonly #config: ClientConfig;

  constructor(config: ClientConfig) {
    this.#config = config;
  }

  /**
   * Creates a chat completion. With `stream: true` it resolves to a {@link ChatCompletionStream}
   * of chunks (`for await`, `abort()`, `finalChatCompletion()`); otherwise to the completion.
   */
  create(
    params: ChatCompletionCreateParams & { stream: true },
    options?: RequestOptions,
  ): APIPromise<ChatCompletionStream>;
  create(
    params: ChatCompletionCreateParams & { stream?: false | null | undefined },
    options?: RequestOptions,
  ): APIPromise<ChatCompletion>;
  create(
    params: ChatCompletionCreateParams,
    options?: RequestOptions,
  ): APIPromise<ChatCompletion | ChatCompletionStream>;
  create(
    params: ChatCompletionCreateParams,
    options?: RequestOptions,
  ): APIPromise<ChatCompletion | ChatCompletionStream> {
    const config = this.#config;
    return new APIPromise(
      config.dialect
        .load()
        .then((dialect: Dialect): Promise<WithResponse<ChatCompletion | ChatCompletionStream>> => {
          const path = dialect.paths.chatCompletions;
          if (!path) throw unsupported(dialect as Dialect<unknown>, 'chat.completions.create');
          const prepared = prepare(
            dialect,
            dialect.chatRequest,
            ChatCompletionCreateParamsSchema,
            params as WireObject,
            'chat completion request',
          );
          const request = {
            method: 'POST',
            path: path({ project: config.project }),
            body: prepared.body,
            headers: prepared.headers,
            auth: dialect.authHeaders,
          } as const;
          const validate = config.validation
            ? (chunk: WireObject) =>
                parseWire(
                  ChatCompletionChunkSchema,
                  chunk,
                  'chat completion chunk',
                ) as ChatCompletionChunk
            : undefined;
          if (params.stream) {
            return callStream(
              config,
              request,
              options,
              (init) =>
                new ChatCompletionStream({
                  ...init,
                  normalize: dialect.normalizeChatChunk,
                  ...(validate ? { validate } : {}),
                }),
            );
          }
          return callJSON(config, request, options, (json) => {
            const completion = dialect.normalizeChatCompletion(asObject(json, 'chat completion'));
            return (
              config.validation
                ? parseWire(ChatCompletionSchema, completion, 'chat completion')
                : completion
            ) as ChatCompletion;
          });
        }),
    );
  }
}

/** `client.chat`: chat completions. */
export class Chat {
  /** Create chat completions, unary or streamed. */
  readonly completions: ChatCompletions;

  constructor(config: ClientConfig) {
    this.completions = new ChatCompletions(config);
  }
}
