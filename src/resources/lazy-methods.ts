/**
 * The methods of a resource whose code loads on first use (`client.conversations`, `client.models`,
 * `client.chat.completions.list`…): each is one line of a table naming the function of its module
 * that does the work, so that an app that never calls them bundles only the table.
 */
import type { ClientConfig } from '../options.js';
import { APIPromise, type WithResponse } from './api-promise.js';
import { PagedList } from './page.js';

/** The client's settings of each resource instance, for the methods installed on its class. */
export const clientConfigs = new WeakMap<object, ClientConfig>();

/** The client's settings of a resource instance. */
export const configOf = (resource: object): ClientConfig =>
  clientConfigs.get(resource) as ClientConfig;

/** A resource instance: it keeps the client's settings for its lazily loaded methods. */
export class Resource {
  /** @internal The client makes it. */
  constructor(config: ClientConfig) {
    clientConfigs.set(this, config);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: each function of a module takes its own arguments.
type Call = (config: ClientConfig, ...args: any[]) => Promise<WithResponse<unknown>>;
type Module = Record<string, unknown>;

/**
 * Installs on `resource`'s prototype a method per entry of `calls` (resolving to what the module's
 * function of that name resolves to, as an {@link APIPromise}) and of `pages` (a {@link PagedList}
 * whose pages the function fetches; it takes the page's `after` cursor first). Each method passes
 * its arguments on, after the client's settings; the module loads on the first call.
 */
export function lazyMethods(
  resource: abstract new (...args: never[]) => object,
  load: () => Promise<Module>,
  calls: Record<string, string>,
  pages: Record<string, string> = {},
): void {
  const run = (self: object, name: string, args: unknown[]) =>
    load().then((m) => (m[name] as Call)(configOf(self), ...args));
  const prototype = resource.prototype as Record<string, unknown>;
  for (const [method, name] of Object.entries(calls))
    prototype[method] = function (this: object, ...args: unknown[]) {
      return new APIPromise(run(this, name, args));
    };
  for (const [method, name] of Object.entries(pages))
    prototype[method] = function (this: object, ...args: unknown[]) {
      return new PagedList((after) => run(this, name, [after, ...args]) as never);
    };
}
