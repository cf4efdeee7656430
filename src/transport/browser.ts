import { ResponsesError } from '../errors.js';

/** True in a browser page (window, document and navigator) or a web worker. */
export function isBrowserLike(scope: object = globalThis): boolean {
  const g = scope as {
    window?: { document?: unknown };
    document?: unknown;
    navigator?: unknown;
    WorkerGlobalScope?: abstract new () => unknown;
    self?: unknown;
  };
  const page =
    typeof g.window === 'object' &&
    g.window !== null &&
    typeof g.document === 'object' &&
    typeof g.navigator === 'object';
  const worker = typeof g.WorkerGlobalScope === 'function' && g.self instanceof g.WorkerGlobalScope;
  return page || worker;
}

/** Refuses a secret key in a browser unless the user has said, in so many words, that it is fine. */
export function guardBrowser(
  apiKey: string | undefined,
  dangerouslyAllowBrowser: boolean,
  scope?: object,
): void {
  if (!apiKey || dangerouslyAllowBrowser || !isBrowserLike(scope)) return;
  throw new ResponsesError(
    'An apiKey in a browser can be read by anyone: call your own server, or pass `dangerouslyAllowBrowser: true`.',
  );
}
