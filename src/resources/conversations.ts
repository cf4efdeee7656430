/**
 * `client.conversations`: the Conversations API. Its methods load their module on first use, so
 * that apps that never call them do not bundle it.
 */
import type { RequestOptions } from '../options.js';
import type * as types from '../types/index.js';
import type { APIPromise } from './api-promise.js';
import { configOf, lazyMethods, Resource } from './lazy-methods.js';
import type { PagedList } from './page.js';

const api = () => import('./stored-conversations.js');

/**
 * `client.conversations`: conversations the server keeps, and their items, wherever it has the
 * Conversations API (OpenAI). Pass a conversation's id to `client.conversation({ model,
 * conversation: id })` and each turn sends only its new items.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: its interface's methods are installed by lazyMethods.
export class Conversations extends Resource {
  /** The items of a conversation: add, list, retrieve, delete. */
  readonly items = new ConversationItems(configOf(this));
}

export interface Conversations {
  /** Creates a conversation, with up to 20 items to start from and your metadata. */
  create(
    params?: types.ConversationCreateParams,
    options?: RequestOptions,
  ): APIPromise<types.ConversationResource>;
  /** Retrieves a conversation. */
  retrieve(id: string, options?: RequestOptions): APIPromise<types.ConversationResource>;
  /** Replaces a conversation's metadata. */
  update(
    id: string,
    params: types.ConversationUpdateParams,
    options?: RequestOptions,
  ): APIPromise<types.ConversationResource>;
  /** Deletes a conversation (its items go with it; the responses in it stay). */
  delete(id: string, options?: RequestOptions): APIPromise<types.ConversationDeletedResource>;
}

lazyMethods(Conversations, () => api().then((m) => m.conversations), [
  'create',
  'retrieve',
  'update',
  'delete',
]);

/** `client.conversations.items`: the items of a conversation. */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: its interface's methods are installed by lazyMethods.
export class ConversationItems extends Resource {}

export interface ConversationItems {
  /** Adds up to 20 items to a conversation; resolves to the items added, with their ids. */
  create(
    id: string,
    params: types.ConversationItemCreateParams,
    options?: RequestOptions,
  ): APIPromise<types.ConversationItemList>;
  /**
   * Lists a conversation's items. `for await (const item of client.conversations.items.list(id))`
   * walks every page (from `after`, when given); `await` gives the first page.
   */
  list(
    id: string,
    params?: types.ConversationItemListParams,
    options?: RequestOptions,
  ): PagedList<types.ConversationItem>;
  /** Retrieves one item of a conversation. */
  retrieve(
    id: string,
    itemId: string,
    params?: types.ConversationItemRetrieveParams,
    options?: RequestOptions,
  ): APIPromise<types.ConversationItem>;
  /** Deletes one item of a conversation; resolves to the conversation. */
  delete(
    id: string,
    itemId: string,
    options?: RequestOptions,
  ): APIPromise<types.ConversationResource>;
}

lazyMethods(
  ConversationItems,
  () => api().then((m) => m.items),
  ['create', 'retrieve', 'delete'],
  ['list'],
);
