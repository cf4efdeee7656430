/**
 * `client.chat.completions`: `create` loads the chat completions module on first use, and the
 * stored-completion methods theirs, so that apps that never call them do not bundle them.
 */
import type { ClientConfig, RequestOptions } from '../options.js';
import type { ChatCompletionStream } from '../stream/chat-stream.js';
import type {
  ChatCompletion,
  ChatCompletionCreateParams,
  ChatCompletionDeleted,
  ChatCompletionListParams,
  ChatCompletionMessageListParams,
  ChatCompletionStoreMessage,
  ChatCompletionUpdateParams,
} from '../types/index.js';
import { APIPromise } from './api-promise.js';
import { PagedList } from './page.js';

const stored = () => import('./stored-chat-completions.js');

/**
 * `client.chat.completions`: the Chat Completions API, wherever the server documents it; and,
 * where it stores them (`store: true`), the stored completions: list, retrieve, update, delete,
 * and their messages.
 */
export class ChatCompletions {
  /** `for await (const m of client.chat.completions.messages.list(id))`: a stored completion's messages. */
  readonly messages: ChatCompletionMessages;
  readonly #config: ClientConfig;

  /** @internal The client makes it: `client.chat.completions`. */
  constructor(config: ClientConfig) {
    this.#config = config;
    this.messages = new ChatCompletionMessages(config);
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

  /**
   * Lists the stored completions (`model` and `metadata` filter them). `for await (const c of
   * client.chat.completions.list())` walks every page; `await` gives the first page.
   */
  list(params: ChatCompletionListParams = {}, options?: RequestOptions): PagedList<ChatCompletion> {
    return new PagedList((after) =>
      stored().then((m) => m.chatCompletionsPage(this.#config, params, after, options)),
    );
  }

  /** Retrieves a stored completion. */
  retrieve(id: string, options?: RequestOptions): APIPromise<ChatCompletion> {
    return new APIPromise(
      stored().then((m) => m.retrieveChatCompletion(this.#config, id, options)),
    );
  }

  /** Replaces a stored completion's metadata; resolves to the completion. */
  update(
    id: string,
    params: ChatCompletionUpdateParams,
    options?: RequestOptions,
  ): APIPromise<ChatCompletion> {
    return new APIPromise(
      stored().then((m) => m.updateChatCompletion(this.#config, id, params, options)),
    );
  }

  /** Deletes a stored completion. */
  delete(id: string, options?: RequestOptions): APIPromise<ChatCompletionDeleted> {
    return new APIPromise(stored().then((m) => m.deleteChatCompletion(this.#config, id, options)));
  }
}

/** `client.chat.completions.messages`: the messages of a stored completion. */
export class ChatCompletionMessages {
  readonly #config: ClientConfig;

  /** @internal The client makes it: `client.chat.completions.messages`. */
  constructor(config: ClientConfig) {
    this.#config = config;
  }

  /**
   * Lists a stored completion's messages. `for await (const m of
   * client.chat.completions.messages.list(id))` walks every page; `await` gives the first page.
   */
  list(
    id: string,
    params: ChatCompletionMessageListParams = {},
    options?: RequestOptions,
  ): PagedList<ChatCompletionStoreMessage> {
    return new PagedList((after) =>
      stored().then((m) => m.chatCompletionMessagesPage(this.#config, id, params, after, options)),
    );
  }
}

/** `client.chat`: chat completions. */
export class Chat {
  /** Create chat completions, unary or streamed; list, retrieve, update and delete stored ones. */
  readonly completions: ChatCompletions;

  /** @internal The client makes it: `client.chat`. */
  constructor(config: ClientConfig) {
    this.completions = new ChatCompletions(config);
  }
}
