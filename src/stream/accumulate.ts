import type { Response, ResponseStreamEvent } from '../schemas/index.js';
import { withOutputText } from './output-text.js';
import { TextBuilder } from './text-builder.js';

type Json = Record<string, unknown>;

const terminalTypes = new Set(['response.completed', 'response.failed', 'response.incomplete']);

/** Whether an event ends a Responses stream. */
export const isTerminalEvent = (type: string): boolean => terminalTypes.has(type);

/** Where a streamed string lands: on the item itself, a content part, or a reasoning summary part. */
type Target = 'item' | 'content' | 'summary';

/** A rule for one delta/done event pair: which field of which target grows, and its blank part. */
interface TextRule {
  target: Target;
  /** The field that holds the text on the target. */
  field: string;
  /** The event field carrying the whole value on `.done` (the delta is always `delta`). */
  doneField: string;
  /** The part created when the event arrives before its `*.added` (servers that skip it). */
  blank?: () => Json;
}

const outputText = {
  target: 'content',
  field: 'text',
  doneField: 'text',
  blank: () => ({ type: 'output_text', text: '', annotations: [] }),
} as const;
const reasoningText = {
  target: 'content',
  field: 'text',
  doneField: 'text',
  blank: () => ({ type: 'reasoning_text', text: '' }),
} as const;
const rules: Readonly<Record<string, TextRule>> = {
  'response.output_text': outputText,
  'response.refusal': {
    target: 'content',
    field: 'refusal',
    doneField: 'refusal',
    blank: () => ({ type: 'refusal', refusal: '' }),
  },
  'response.reasoning_text': reasoningText,
  'response.reasoning': reasoningText,
  'response.reasoning_summary_text': {
    target: 'summary',
    field: 'text',
    doneField: 'text',
    blank: () => ({ type: 'summary_text', text: '' }),
  },
  'response.function_call_arguments': {
    target: 'item',
    field: 'arguments',
    doneField: 'arguments',
  },
  'response.mcp_call_arguments': { target: 'item', field: 'arguments', doneField: 'arguments' },
  'response.custom_tool_call_input': { target: 'item', field: 'input', doneField: 'input' },
  'response.code_interpreter_call_code': { target: 'item', field: 'code', doneField: 'code' },
};

/** Every `*.delta` / `*.done` event type that streams text, with its rule: one lookup an event. */
const textEvents = new Map(
  Object.entries(rules).flatMap(([stem, rule]) => [
    [`${stem}.delta`, { stem, rule, delta: true }],
    [`${stem}.done`, { stem, rule, delta: false }],
  ]),
);
type TextEvent = typeof textEvents extends Map<string, infer V> ? V : never;

/** The item created when a delta arrives before its `response.output_item.added`. */
const blankItems: Readonly<Record<string, () => Json>> = {
  'response.output_text': () => ({
    type: 'message',
    role: 'assistant',
    status: 'in_progress',
    content: [],
  }),
  'response.refusal': () => ({
    type: 'message',
    role: 'assistant',
    status: 'in_progress',
    content: [],
  }),
  'response.reasoning_text': () => ({ type: 'reasoning', summary: [], content: [] }),
  'response.reasoning': () => ({ type: 'reasoning', summary: [], content: [] }),
  'response.reasoning_summary_text': () => ({ type: 'reasoning', summary: [] }),
  'response.function_call_arguments': () => ({ type: 'function_call', arguments: '' }),
  'response.mcp_call_arguments': () => ({ type: 'mcp_call', arguments: '' }),
  'response.custom_tool_call_input': () => ({ type: 'custom_tool_call', input: '' }),
  'response.code_interpreter_call_code': () => ({ type: 'code_interpreter_call', code: '' }),
};

/** A usable array index from server JSON: a non-negative integer, else `fallback`. */
function indexOf(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1e6
    ? value
    : fallback;
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A shallow copy of server JSON. Spread defines properties (it never calls the `__proto__`
 * setter), and every later write uses a fixed field name, so no key can reach a prototype.
 */
function copy(value: Json): Json {
  return { ...value };
}

/**
 * Rebuilds the response from its events: the latest response snapshot, plus the output items,
 * content parts, text, refusals, tool-call arguments and reasoning, keyed by `output_index` and
 * `content_index` / `summary_index` (the only ids every server keeps stable: the Copilot capture
 * rotates `item_id` on every event). A missing `*.added` event is tolerated. The terminal
 * event's own `output` wins where it has one.
 */
export class ResponseAccumulator {
  #snapshot: Json | undefined;
  readonly #items: Json[] = [];
  /** Text still streaming, by the object and field it belongs to; written back on read. */
  readonly #texts = new Map<Json, { field: string; builder: TextBuilder }>();
  #lastTarget: Json | undefined;
  #lastBuilder: TextBuilder | undefined;

  /** Folds one event into the response being rebuilt. */
  add(event: ResponseStreamEvent): void {
    const e = event as Json;
    const type = e.type as string;
    const text = textEvents.get(type);
    if (text) {
      this.#applyText(e, text);
      return;
    }
    if (isObject(e.response)) {
      this.#snapshot = e.response;
      return;
    }
    const index = indexOf(e.output_index, this.#items.length);
    switch (type) {
      case 'response.output_item.added':
      case 'response.output_item.done':
        if (isObject(e.item)) this.#items[index] = copy(e.item);
        break;
      case 'response.content_part.added':
      case 'response.content_part.done':
        if (isObject(e.part))
          this.#list(this.#item(index, 'response.output_text'), 'content')[
            indexOf(e.content_index, 0)
          ] = copy(e.part);
        break;
      case 'response.reasoning_summary_part.added':
      case 'response.reasoning_summary_part.done':
        if (isObject(e.part))
          this.#list(this.#item(index, 'response.reasoning_summary_text'), 'summary')[
            indexOf(e.summary_index, 0)
          ] = copy(e.part);
        break;
      case 'response.output_text.annotation.added':
        if (isObject(e.annotation)) {
          const part = this.#part(
            this.#item(index, 'response.output_text'),
            'content',
            indexOf(e.content_index, 0),
            outputText.blank,
          );
          this.#list(part, 'annotations')[
            indexOf(e.annotation_index, (part.annotations as unknown[] | undefined)?.length ?? 0)
          ] = copy(e.annotation);
        }
        break;
    }
  }

  /** The response as rebuilt so far, with `output_text`; `undefined` before anything arrived. */
  result(): Response | undefined {
    const snapshot = this.#snapshot;
    const built = this.builtOutput();
    if (!snapshot && built.length === 0) return undefined;
    const output =
      Array.isArray(snapshot?.output) && snapshot.output.length > 0 ? snapshot.output : built;
    return withOutputText({ ...snapshot, output } as unknown as Response);
  }

  /** The output items built from the events alone, as plain objects. */
  builtOutput(): Json[] {
    for (const [target, { field, builder }] of this.#texts) target[field] = builder.toString();
    return this.#items.filter((item) => item !== undefined).map((item) => ({ ...item }));
  }

  #applyText(e: Json, { stem, rule, delta }: TextEvent): void {
    const item = this.#item(indexOf(e.output_index, Math.max(0, this.#items.length - 1)), stem);
    const target =
      rule.target === 'item'
        ? item
        : this.#part(
            item,
            rule.target,
            indexOf(rule.target === 'summary' ? e.summary_index : e.content_index, 0),
            rule.blank,
          );
    if (delta) {
      if (typeof e.delta === 'string') this.#builder(target, rule.field).add(e.delta);
    } else if (typeof e[rule.doneField] === 'string') {
      this.#texts.delete(target);
      if (this.#lastTarget === target) this.#lastTarget = undefined;
      target[rule.field] = e[rule.doneField];
    }
  }

  /** The builder of a target's streaming field; deltas mostly go to the same one in a row. */
  #builder(target: Json, field: string): TextBuilder {
    if (this.#lastTarget === target && this.#lastBuilder) return this.#lastBuilder;
    let entry = this.#texts.get(target);
    if (!entry) {
      const current = target[field];
      entry = { field, builder: new TextBuilder(typeof current === 'string' ? current : '') };
      this.#texts.set(target, entry);
    }
    this.#lastTarget = target;
    this.#lastBuilder = entry.builder;
    return entry.builder;
  }

  #item(index: number, stem: string): Json {
    let item = this.#items[index];
    if (!item) {
      item = copy(blankItems[stem]?.() ?? {});
      this.#items[index] = item;
    }
    return item;
  }

  #list(owner: Json, field: string): unknown[] {
    if (!Array.isArray(owner[field])) owner[field] = [];
    return owner[field] as unknown[];
  }

  #part(item: Json, field: string, index: number, blank: (() => Json) | undefined): Json {
    const list = this.#list(item, field);
    let part = list[index];
    if (!isObject(part)) {
      part = copy(blank?.() ?? {});
      list[index] = part;
    }
    return part as Json;
  }
}
