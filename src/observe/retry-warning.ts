/**
 * A retry logged at the default level (`warn`, to `console`) by a client nothing else watches:
 * loaded by the transport when it retries, off the hot path.
 */
import type { CallOptions } from '../transport/call-options.js';
import { secretsOf, textRedactor } from '../transport/redact.js';
import type { Hop } from '../transport/redirect.js';
import { logInstrumentation, logTo } from './log.js';

/** Logs a retry of a request made with `call` (its secrets taken out) as a `warn` line. */
export function warnRetry(
  call: CallOptions,
  hop: Hop,
  info: { attempt: number; delayMs: number; error: unknown },
): void {
  const log = logTo(console, 'warn');
  logInstrumentation(log, 'warn')
    .request({
      operation: 'http',
      method: hop.method,
      url: hop.url,
      body: undefined,
      stream: false,
      transport: 'http',
      parent: undefined,
      redact: textRedactor(secretsOf(call)),
    })
    .retry(info);
}
