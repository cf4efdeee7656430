/**
 * `client.chat.completions`: `create` loads the chat completions module on first use, so that
 * apps that never call it do not bundle it.
 */
import type { ClientConfig, RequestOptions } from '../options.js';
import type { ChatCompletionStream } from '../stream/chat-stream.js';
import type { ChatCompletion, ChatCompletionCreateParams } from '../types/index.js';
import { APIPromise } from './api-promise.js';

/** `client.chat.completions`: the Chat Completions API, wherever the server documents it. */
export class ChatCompletions {
  readonly #config: ClientConfig;

  /** @internal The client makes it: `client.chat.completions`. */
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
    return new APIPromise(
      import('./chat-completions.js').then((m) =>
        m.createChatCompletion(this.#config, params, options),
      ),
    );
  }
}

/** `client.chat`: chat completions. */
export class Chat {
  /** Create chat completions, unary or streamed. */
  readonly completions: ChatCompletions;

  /** @internal The client makes it: `client.chat`. */
  constructor(config: ClientConfig) {
    this.completions = new ChatCompletions(config);
  }
}
