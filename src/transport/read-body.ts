/**
 * Reads a body as text, giving up as soon as `signal` aborts, whether or not the fetch
 * implementation errors the body when its signal fires (undici does; msw and some polyfills
 * do not). The body is cancelled on abort, so the connection is let go either way.
 */
export function readText(response: Response, signal?: AbortSignal): Promise<string> {
  if (!signal) return response.text();
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<string>((resolve, reject) => {
    const onAbort = () => {
      response.body?.cancel().catch(() => {});
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    response.text().then(
      (text) => {
        signal.removeEventListener('abort', onAbort);
        resolve(text);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
