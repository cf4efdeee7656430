import type { Dialect, DialectName, ParamsOf } from './dialects/index.js';
import { Chat } from './resources/chat-completions.js';
import { Models } from './resources/models.js';
import { Responses } from './resources/responses.js';
import { guardBrowser } from './transport/browser.js';
import { type ClientConfig, type ClientOptions, normalizeOptions } from './transport/config.js';

/**
 * One client for every server that speaks the Responses API. Its `dialect` (a built-in name or
 * your own {@link Dialect}) types the create params: a `'kawai'` client takes Kawai's samplers.
 *
 * @example
 * const client = new ResponsesClient({ apiKey, dialect: 'openai' });
 * const r = await client.responses.create({ model: 'gpt-5', input: 'Hello' });
 * console.log(r.output_text);
 */
export class ResponsesClient<D extends DialectName | Dialect<never> = 'openai'> {
  /** Create, retrieve, delete and cancel responses; stream their events. */
  readonly responses: Responses<ParamsOf<D>>;
  /** Chat completions, where the server documents them. */
  readonly chat: Chat;
  /** The models the server offers, where it documents them. */
  readonly models: Models;
  /** The base URL every request goes to. */
  readonly baseURL: string;
  /** The name of the dialect this client speaks. */
  readonly dialect: string;

  readonly #options: ClientOptions;

  constructor(options: ClientOptions & { dialect?: D | undefined } = {}) {
    const config: ClientConfig = normalizeOptions(options);
    guardBrowser(config.apiKey, config.dangerouslyAllowBrowser);
    this.#options = options;
    this.baseURL = config.baseURL;
    this.dialect = config.dialect.name;
    this.responses = new Responses(config);
    this.chat = new Chat(config);
    this.models = new Models(config);
  }

  /** A new client with these options laid over this one's. */
  withOptions(options: ClientOptions): ResponsesClient<D> {
    return new ResponsesClient<D>({ ...this.#options, ...options } as ClientOptions & {
      dialect?: D;
    });
  }
}
