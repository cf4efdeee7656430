/**
 * A client's instrumentation: its hooks, its log and its spans (`withTelemetry`) made one, each
 * given its own parent, and each kept out of the request's way (what one of them throws is
 * logged at `error` level, and the request goes on). Loaded on the first request of a client
 * that something watches.
 */
import type { ClientOptions } from '../options.js';
import type { LogLevel } from './hook-types.js';
import { hooksInstrumentation } from './hooks.js';
import type {
  Instrumentation,
  InstrumentedOptions,
  RequestProbe,
  ToolProbe,
  TurnProbe,
  Watcher,
} from './instrumentation.js';
import { describe, type Log, levelRank, logInstrumentation, logTo } from './log.js';
import { json, stream, streamEnded, text } from './observed-send.js';
import { turnOf } from './turns.js';

/** The level the option or the variable names, else `warn` (an unknown name says so, once). */
function levelOf(option: string | undefined, variable: string | undefined, log: Log) {
  const named = (option ?? variable?.trim().toLowerCase() ?? 'warn') as LogLevel;
  if (Object.hasOwn(levelRank, named)) return named;
  log(
    'warn',
    `Unknown log level ${JSON.stringify(named)}: one of off, error, warn, info, debug. Using warn.`,
  );
  return 'warn';
}

/** A turn probe made of one per instrumentation: each request and tool call finds its own in it. */
class Turns implements TurnProbe {
  constructor(
    readonly parts: readonly TurnProbe[],
    readonly guard: <T>(what: string, run: () => T, fallback: T) => T,
  ) {}

  tool(call: Parameters<TurnProbe['tool']>[0]): ToolProbe {
    const tools = this.parts.map((part) => this.guard('tool', () => part.tool(call), undefined));
    return {
      end: (outcome) => {
        for (const tool of tools) this.guard('tool end', () => tool?.end(outcome), undefined);
      },
    };
  }

  end(outcome: Parameters<TurnProbe['end']>[0]): void {
    for (const part of this.parts) this.guard('turn end', () => part.end(outcome), undefined);
  }
}

/** Each client's watcher, by its options: made once. */
const made = new WeakMap<object, Watcher>();

/**
 * The instrumentation of a client with these options (`env` is `RESPONSES_CLIENT_LOG`), made
 * once, with the transport's instrumented path.
 */
export function observe(
  options: ClientOptions & InstrumentedOptions,
  provider: string,
  env: string | undefined,
): Watcher {
  let watcher = made.get(options);
  if (!watcher) {
    const instrumentation = combine(options, provider, env);
    watcher = {
      instrumentation,
      text,
      json,
      stream,
      probe: (start, signal) => instrumentation.request({ ...start, parent: turnOf(signal) }),
      ended: (probe, opened, failure) =>
        void streamEnded(opened, failure).then((outcome) => probe.end(outcome)),
    };
    made.set(options, watcher);
  }
  return watcher;
}

/** The hooks, the log and the spans of a client as one instrumentation. */
function combine(
  options: ClientOptions & InstrumentedOptions,
  provider: string,
  env: string | undefined,
): Instrumentation {
  const logger = options.logger ?? console;
  const level = levelOf(options.logLevel, env, logTo(logger, 'warn'));
  const log = logTo(logger, level);
  const report = (error: unknown, where: string) =>
    log('error', `${where} threw; the request went on: ${describe(error)}`);
  const guard = <T>(where: string, run: () => T, fallback: T): T => {
    try {
      return run();
    } catch (error) {
      report(error, where);
      return fallback;
    }
  };
  const parts: Instrumentation[] = [];
  if (options.hooks)
    parts.push(
      hooksInstrumentation(options.hooks, (error, hook) => report(error, `The ${hook} hook`)),
    );
  if (levelRank[level] >= levelRank.info) parts.push(logInstrumentation(log, level));
  if (options.instrumentation) parts.push(options.instrumentation);

  return {
    request(start): RequestProbe {
      const parents = start.parent instanceof Turns ? start.parent.parts : [];
      const probes = parts.map((part, i) =>
        guard(
          'The instrumentation',
          () => part.request({ ...start, provider, parent: parents[i] }),
          undefined,
        ),
      );
      const each = (what: string, run: (probe: RequestProbe) => void) => {
        for (const probe of probes) if (probe) guard(what, () => run(probe), undefined);
      };
      let ended = false;
      return {
        attempt: (info, attempt) => each('The instrumentation', (p) => p.attempt(info, attempt)),
        response: (response) => each('The instrumentation', (p) => p.response(response)),
        retry: (info) => each('The instrumentation', (p) => p.retry(info)),
        firstChunk: () => each('The instrumentation', (p) => p.firstChunk()),
        end: (outcome) => {
          // Once, however many ways the end is heard of.
          if (ended) return;
          ended = true;
          each('The instrumentation', (p) => p.end(outcome));
        },
      };
    },
    turn(start) {
      const probes = parts.map((part) =>
        guard('The instrumentation', () => part.turn({ ...start, provider }), undefined),
      );
      const quiet = { tool: () => ({ end() {} }), end() {} };
      return new Turns(
        probes.map((probe) => probe ?? quiet),
        guard,
      );
    },
  };
}
