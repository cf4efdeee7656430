/**
 * `client.conversations`: the Conversations API. Its methods load their module on first use, so
 * that apps that never call them do not bundle it.
 */
import type { ClientConfig, RequestOptions } from '../options.js';
import type {
  ConversationCreateParams,
  ConversationDeletedResource,
  ConversationItem,
  ConversationItemCreateParams,
  ConversationItemList,
  ConversationItemListParams,
  ConversationItemRetrieveParams,
  ConversationResource,
  ConversationUpdateParams,
} from '../types/index.js';
import { APIPromise } from './api-promise.js';
import { PagedList } from './page.js';

const api = () => import('./stored-conversations.js');

/**
 * `client.conversations`: conversations the server keeps, and their items, wherever it has the
 * Conversations API (OpenAI). Pass a conversation's id to `client.conversation({ model,
 * conversation: id })` and each turn sends only its new items.
 */
export class Conversations {
  /** The items of a conversation: add, list, retrieve, delete. */
  readonly items: ConversationItems;
  readonly #config: ClientConfig;

  /** @internal The client makes it: `client.conversations`. */
  constructor(config: ClientConfig) {
    this.#config = config;
    this.items = new ConversationItems(config);
  }

  /** Creates a conversation, with up to 20 items to start from and your metadata. */
  create(
    params: ConversationCreateParams = {},
    options?: RequestOptions,
  ): APIPromise<ConversationResource> {
    return new APIPromise(api().then((m) => m.createConversation(this.#config, params, options)));
  }

  /** Retrieves a conversation. */
  retrieve(id: string, options?: RequestOptions): APIPromise<ConversationResource> {
    return new APIPromise(api().then((m) => m.retrieveConversation(this.#config, id, options)));
  }

  /** Replaces a conversation's metadata. */
  update(
    id: string,
    params: ConversationUpdateParams,
    options?: RequestOptions,
  ): APIPromise<ConversationResource> {
    return new APIPromise(
      api().then((m) => m.updateConversation(this.#config, id, params, options)),
    );
  }

  /** Deletes a conversation (its items go with it; the responses in it stay). */
  delete(id: string, options?: RequestOptions): APIPromise<ConversationDeletedResource> {
    return new APIPromise(api().then((m) => m.deleteConversation(this.#config, id, options)));
  }
}

/** `client.conversations.items`: the items of a conversation. */
export class ConversationItems {
  readonly #config: ClientConfig;

  /** @internal The client makes it: `client.conversations.items`. */
  constructor(config: ClientConfig) {
    this.#config = config;
  }

  /** Adds up to 20 items to a conversation; resolves to the items added, with their ids. */
  create(
    id: string,
    params: ConversationItemCreateParams,
    options?: RequestOptions,
  ): APIPromise<ConversationItemList> {
    return new APIPromise(
      api().then((m) => m.createConversationItems(this.#config, id, params, options)),
    );
  }

  /**
   * Lists a conversation's items. `for await (const item of client.conversations.items.list(id))`
   * walks every page (from `after`, when given); `await` gives the first page.
   */
  list(
    id: string,
    params: ConversationItemListParams = {},
    options?: RequestOptions,
  ): PagedList<ConversationItem> {
    return new PagedList((after) =>
      api().then((m) => m.conversationItemsPage(this.#config, id, params, after, options)),
    );
  }

  /** Retrieves one item of a conversation. */
  retrieve(
    id: string,
    itemId: string,
    params: ConversationItemRetrieveParams = {},
    options?: RequestOptions,
  ): APIPromise<ConversationItem> {
    return new APIPromise(
      api().then((m) => m.retrieveConversationItem(this.#config, id, itemId, params, options)),
    );
  }

  /** Deletes one item of a conversation; resolves to the conversation. */
  delete(id: string, itemId: string, options?: RequestOptions): APIPromise<ConversationResource> {
    return new APIPromise(
      api().then((m) => m.deleteConversationItem(this.#config, id, itemId, options)),
    );
  }
}
