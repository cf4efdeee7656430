import type { ResponseItem } from '../resources/responses.js';
import type { ResponseCreateParams } from '../types/index.js';

/** Which endpoint a request reached. */
export type FakeEndpoint =
  | 'create'
  | 'retrieve'
  | 'delete'
  | 'cancel'
  | 'input_items'
  /** No route of this server: answered 404. */
  | 'unknown';

/** A request the fake server received, for assertions. */
export interface RecordedRequest<Params = ResponseCreateParams> {
  /** The HTTP method, upper-case: `POST`, `GET`, `DELETE`. */
  method: string;
  /** The full URL requested, query included. */
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
   */
  body: Params | undefined;
  /**
   * For `create`: every item the model saw, oldest first: the history the server keeps (the
   * `previous_response_id` chain, or the `conversation`), then this request's input, each item
   * with an id and text input as `input_text` parts. Empty for other endpoints.
   */
  context: ResponseItem[];
}
