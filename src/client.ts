import type { Dialect } from './dialects/index.js';
import { Responses } from './resources/responses.js';
import { guardBrowser } from './transport/browser.js';
import { type ClientConfig, type ClientOptions, normalizeOptions } from './transport/config.js';

/**
 * One client for every server that speaks the Responses API.
 *
 * @example
 * const client = new ResponsesClient({ apiKey, dialect: 'openai' });
 * const r = await client.responses.create({ model: 'gpt-5', input: 'Hello' });
 * console.log(r.output_text);
 */
export class ResponsesClient {
  /** Create, retrieve, delete and cancel responses; stream their events. */
  readonly responses: Responses;
  /** The base URL every request goes to. */
  readonly baseURL: string;
  /** The dialect this client speaks. */
  readonly dialect: Dialect;

  readonly #options: ClientOptions;

  constructor(options: ClientOptions = {}) {
    const config: ClientConfig = normalizeOptions(options);
    guardBrowser(config.apiKey, config.dangerouslyAllowBrowser);
    this.#options = options;
    this.baseURL = config.baseURL;
    this.dialect = config.dialect;
    this.responses = new Responses(config);
  }

  /** A new client with these options laid over this one's. */
  withOptions(options: ClientOptions): ResponsesClient {
    return new ResponsesClient({ ...this.#options, ...options });
  }
}
