/**
 * `client.chat.completions`: `create` loads the chat completions module on first use, and the
 * stored-completion methods theirs, so that apps that never call them do not bundle them.
 */
import type { RequestOptions } from '../options.js';
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
import type { APIPromise } from './api-promise.js';
import { configOf, lazyMethods, Resource } from './lazy-methods.js';
import type { PagedList } from './page.js';

const stored = () => import('./stored-chat-completions.js');

/**
 * `client.chat.completions`: the Chat Completions API, wherever the server documents it; and,
 * where it stores them (`store: true`), the stored completions: list, retrieve, update, delete,
 * and their messages.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: its interface's methods are installed by lazyMethods.
export class ChatCompletions extends Resource {
  /** `for await (const m of client.chat.completions.messages.list(id))`: a stored completion's messages. */
  readonly messages = new ChatCompletionMessages(configOf(this));
}

export interface ChatCompletions {
  /**
   * Creates a chat completion. With `stream: true` it resolves to a {@link ChatCompletionStream}
   * of chunks (`for await`, `abort()`, `finalChatCompletion()`); otherwise to the completion.
   */
  create(
    params: ChatCompletionCreateParams & { stream: true },
    options?: RequestOptions,
  ): APIPromise<ChatCompletionStream>;
  /** Creates a chat completion and resolves to it. */
  create(
    params: ChatCompletionCreateParams & { stream?: false | null | undefined },
    options?: RequestOptions,
  ): APIPromise<ChatCompletion>;
  /** Creates a chat completion: a stream of chunks with `stream: true`, else the completion. */
  create(
    params: ChatCompletionCreateParams,
    options?: RequestOptions,
  ): APIPromise<ChatCompletion | ChatCompletionStream>;
  /**
   * Lists the stored completions (`model` and `metadata` filter them). `for await (const c of
   * client.chat.completions.list())` walks every page; `await` gives the first page.
   */
  list(params?: ChatCompletionListParams, options?: RequestOptions): PagedList<ChatCompletion>;
  /** Retrieves a stored completion. */
  retrieve(id: string, options?: RequestOptions): APIPromise<ChatCompletion>;
  /** Replaces a stored completion's metadata; resolves to the completion. */
  update(
    id: string,
    params: ChatCompletionUpdateParams,
    options?: RequestOptions,
  ): APIPromise<ChatCompletion>;
  /** Deletes a stored completion. */
  delete(id: string, options?: RequestOptions): APIPromise<ChatCompletionDeleted>;
}

lazyMethods(ChatCompletions, () => import('./chat-completions.js'), ['create']);
lazyMethods(
  ChatCompletions,
  () => stored().then((m) => m.completions),
  ['retrieve', 'update', 'delete'],
  ['list'],
);

/** `client.chat.completions.messages`: the messages of a stored completion. */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: its interface's methods are installed by lazyMethods.
export class ChatCompletionMessages extends Resource {}

export interface ChatCompletionMessages {
  /**
   * Lists a stored completion's messages. `for await (const m of
   * client.chat.completions.messages.list(id))` walks every page; `await` gives the first page.
   */
  list(
    id: string,
    params?: ChatCompletionMessageListParams,
    options?: RequestOptions,
  ): PagedList<ChatCompletionStoreMessage>;
}

lazyMethods(ChatCompletionMessages, () => stored().then((m) => m.messages), [], ['list']);

/** `client.chat`: chat completions. */
export class Chat extends Resource {
  /** Create chat completions, unary or streamed; list, retrieve, update and delete stored ones. */
  readonly completions = new ChatCompletions(configOf(this));
}
