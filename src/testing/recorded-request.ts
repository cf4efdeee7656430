import type { ResponseItem } from '../resources/responses.js';
import type { ResponseCreateParams } from '../types/index.js';

/** Which endpoint a request reached. */
export type FakeEndpoint =
  /** `POST /responses`. */
  | 'create'
  /** `GET /responses/{id}`. */
  | 'retrieve'
  /** `DELETE /responses/{id}`. */
  | 'delete'
  /** `POST /responses/{id}/cancel`. */
  | 'cancel'
  /** `GET /responses/{id}/input_items`. */
  | 'input_items'
  /** `POST /responses/compact`. */
  | 'compact'
  /** `POST /responses/input_tokens`. */
  | 'input_tokens'
  /** `POST /chat/completions` (Karta's under its project). */
  | 'chat_completions'
  /** `GET /chat/completions`: the stored ones (OpenAI). */
  | 'chat_completions_list'
  /** `GET /chat/completions/{id}`. */
  | 'chat_completion_retrieve'
  /** `POST /chat/completions/{id}`: new metadata. */
  | 'chat_completion_update'
  /** `DELETE /chat/completions/{id}`. */
  | 'chat_completion_delete'
  /** `GET /chat/completions/{id}/messages`. */
  | 'chat_completion_messages'
  /** `GET /models`. */
  | 'models'
  /** `GET /models/{model}` (OpenRouter's `/model/{author}/{slug}`). */
  | 'model_retrieve'
  /** `DELETE /models/{model}`. */
  | 'model_delete'
  /** `POST /conversations` (OpenAI's Conversations API). */
  | 'conversation_create'
  /** `GET /conversations/{id}`. */
  | 'conversation_retrieve'
  /** `POST /conversations/{id}`: new metadata. */
  | 'conversation_update'
  /** `DELETE /conversations/{id}`. */
  | 'conversation_delete'
  /** `POST /conversations/{id}/items`. */
  | 'conversation_items_create'
  /** `GET /conversations/{id}/items`. */
  | 'conversation_items_list'
  /** `GET /conversations/{id}/items/{item_id}`. */
  | 'conversation_item_retrieve'
  /** `DELETE /conversations/{id}/items/{item_id}`. */
  | 'conversation_item_delete'
  /** No route of this server: answered 404. */
  | 'unknown';

/** A request the fake server received, for assertions. */
export interface RecordedRequest<Params = ResponseCreateParams> {
  /**
   * How it came: an HTTP request (`'http'`), or a `response.create` message on a socket of
   * `server.WebSocket` (`'websocket'`: `method` is `POST`, `url` the socket's, `headers` the
   * upgrade's, `body` the message without its `type`).
   */
  transport: 'http' | 'websocket';
  /** The HTTP method, upper-case: `POST`, `GET`, `DELETE`. */
  method: string;
  /** The full URL requested, query included (the path as sent: still percent-encoded). */
  url: string;
  /** The path below the base URL, decoded, e.g. `['responses', 'resp_fake_1']`. */
  path: string[];
  /** The endpoint it reached. */
  endpoint: FakeEndpoint;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  /**
   * The JSON body, as the server received it (`undefined` when there was none). Typed as the
   * create params of the server's dialect; it is what the client sent after the dialect's
   * mapping (Kawai's nested tools and `max_tokens`, a text `input` as one message, and so on).
   * A chat completion's body is its own (`messages`…), whatever the type says.
   */
  body: Params | undefined;
  /**
   * For `create`: every item the model saw, oldest first: the history the server keeps (the
   * `previous_response_id` chain, or the `conversation`), then this request's input, each item
   * with an id and text input as `input_text` parts. For `chat_completions`, its messages as
   * such items. Empty for other endpoints.
   */
  context: ResponseItem[];
  /**
   * The HTTP status it was answered with: 200, or the error the server (or a turn) answered;
   * `undefined` while no answer has begun (a turn that stalls before answering).
   */
  status: number | undefined;
}
