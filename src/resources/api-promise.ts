import type { WithResponse } from '../transport/send-and-read.js';

export type { WithResponse };

/**
 * The promise every API method returns: await it for the result, or call `.withResponse()` for
 * the raw response and request id as well. The request starts at once, whichever you use.
 */
export class APIPromise<T> implements PromiseLike<T> {
  readonly #exchange: Promise<WithResponse<T>>;
  #data: Promise<T> | undefined;

  /** @internal Made by every API method. */
  constructor(exchange: Promise<WithResponse<T>>) {
    this.#exchange = exchange;
  }

  /** Resolves with the result, the raw `Response` and the request id. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#exchange;
  }

  #result(): Promise<T> {
    this.#data ??= this.#exchange.then((exchange) => exchange.data);
    return this.#data;
  }

  // biome-ignore lint/suspicious/noThenProperty: an APIPromise is awaited like any promise.
  then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#result().then(onfulfilled, onrejected);
  }

  /** Handles a failed request (an `APIError`, `APIConnectionError`…), as `Promise.catch` does. */
  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.#result().catch(onrejected);
  }

  /** Runs `onfinally` once the request settles, either way, as `Promise.finally` does. */
  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#result().finally(onfinally);
  }

  /** `'APIPromise'`: what `Object.prototype.toString` shows for it. */
  get [Symbol.toStringTag](): string {
    return 'APIPromise';
  }
}
