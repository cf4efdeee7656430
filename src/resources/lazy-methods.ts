/**
 * The methods of a resource whose code loads on first use (`client.conversations`, `client.models`,
 * `client.chat.completions.list`…): each is a name in a list, the function of that name in the
 * module loaded on first use does the work, so that an app that never calls them bundles only
 * the names.
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
 * The functions behind a resource's lazily loaded methods, typed from its interface `R`: each
 * takes the client's settings first, a page method's (those of `Pages`) the page's `after`
 * cursor next, then the method's own arguments.
 */
export type Served<R, Pages extends keyof R = never> = {
  // biome-ignore lint/suspicious/noExplicitAny: only the methods of R are served.
  [K in keyof R as R[K] extends (...args: any[]) => unknown ? K : never]: R[K] extends (
    ...args: infer A
  ) => unknown
    ? (
        config: ClientConfig,
        ...args: K extends Pages ? [after: string | undefined, ...A] : A
      ) => Promise<WithResponse<unknown>>
    : never;
};

/**
 * Installs on `resource`'s prototype each method of `calls` (resolving to what the loaded
 * table's function of that name resolves to, as an {@link APIPromise}) and of `pages` (a
 * {@link PagedList} whose pages the function fetches; it takes the page's `after` cursor first).
 * Each method passes its arguments on, after the client's settings; the table (a module, or one
 * object of a module) loads on the first call.
 */
export function lazyMethods(
  resource: abstract new (...args: never[]) => object,
  load: () => Promise<Module>,
  calls: string[],
  pages: string[] = [],
): void {
  const run = (self: object, name: string, args: unknown[]) =>
    load().then((m) => (m[name] as Call)(configOf(self), ...args));
  const prototype = resource.prototype as Record<string, unknown>;
  for (const name of calls)
    prototype[name] = function (this: object, ...args: unknown[]) {
      return new APIPromise(run(this, name, args));
    };
  for (const name of pages)
    prototype[name] = function (this: object, ...args: unknown[]) {
      return new PagedList((after) => run(this, name, [after, ...args]) as never);
    };
}
