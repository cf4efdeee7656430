/**
 * The value a {@link PartialJSON} builds, as snapshots that share structure: a snapshot given out
 * never changes, so a container it holds is copied before it changes (once per snapshot), and
 * everything else is shared with the one before. Only the containers still open can change: a
 * change copies the path from the root to it, and nothing else.
 */

type Container = Record<string, unknown> | unknown[];

/** An open object or array, and where it sits in its parent. */
interface Frame {
  /** The container as the next snapshot shows it. */
  container: Container;
  isArray: boolean;
  /**
   * The snapshot `container` was made for: when older than the tree's current one, a snapshot
   * given out holds it, and it is copied before it changes.
   */
  generation: number;
  /** Its key or index in its parent (unused at the root). */
  slot: string | number;
  /** How many entries it holds: what copying it costs. */
  width: number;
  /** The key of the value that comes next (objects). */
  key: string;
}

/**
 * When a new snapshot is made: when the entries of the open containers (what the next change
 * copies, at most) are at most `free` plus `perCharacter` for each character read since the
 * last snapshot. A long array being written would otherwise be copied on every delta (quadratic
 * in its length); this way the copies cost at most a few entries per character read, and a value
 * whose open containers hold 64 entries or fewer gets every snapshot at once.
 */
const copyBudget = { free: 64, perCharacter: 2 };

/**
 * Sets an index of an open array or a key of an open object (`__proto__` as an own key, as
 * `JSON.parse` does), each kind at a store of its own, which keeps both fast.
 */
function put(frame: Frame, slot: string | number, value: unknown): void {
  if (frame.isArray) (frame.container as unknown[])[slot as number] = value;
  else if (slot === '__proto__')
    Object.defineProperty(frame.container, slot, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  else (frame.container as Record<string, unknown>)[slot as string] = value;
}

/** A JSON value being built, value by value, given out as snapshots. */
export class SnapshotTree {
  /** Entries copied so far: the work the snapshots cost. */
  copied = 0;

  #stack: Frame[] = [];
  #root: unknown;
  #generation = 0;
  /** Whether the value changed since the last snapshot. */
  #changed = false;
  /** The entries of the open containers. */
  #openWidth = 0;

  /** The value so far: `undefined` until a value has begun. */
  get value(): unknown {
    return this.#root;
  }

  /** How many containers are open. */
  get depth(): number {
    return this.#stack.length;
  }

  /** Whether the innermost open container is an array. */
  get inArray(): boolean {
    return this.#stack[this.#stack.length - 1]?.isArray ?? false;
  }

  /** Names the key of the next value of the innermost open object. */
  setKey(key: string): void {
    (this.#stack[this.#stack.length - 1] as Frame).key = key;
  }

  /** Puts a value where the next value goes: the root, the end of an array, an object's key. */
  add(value: unknown): string | number {
    this.#changed = true;
    const depth = this.#stack.length - 1;
    if (depth < 0) {
      this.#root = value;
      return 0;
    }
    const frame = this.#stack[depth] as Frame;
    const slot = frame.isArray ? (frame.container as unknown[]).length : frame.key;
    put(this.#writable(depth), slot, value);
    frame.width += 1;
    this.#openWidth += 1;
    return slot;
  }

  /** Replaces the value added last (a string that grew). */
  replaceLast(value: unknown): void {
    this.#changed = true;
    const depth = this.#stack.length - 1;
    if (depth < 0) {
      this.#root = value;
      return;
    }
    const frame = this.#stack[depth] as Frame;
    const slot = frame.isArray ? (frame.container as unknown[]).length - 1 : frame.key;
    put(this.#writable(depth), slot, value);
  }

  /** Adds an empty object or array, and opens it: the values that follow go in it. */
  open(isArray: boolean): void {
    const container: Container = isArray ? [] : {};
    const slot = this.add(container);
    const generation = this.#generation;
    this.#stack.push({ container, isArray, generation, slot, width: 0, key: '' });
  }

  /** Closes the innermost open container: complete, it never changes again. */
  close(): void {
    this.#openWidth -= (this.#stack.pop() as Frame).width;
  }

  /**
   * Makes the value so far a snapshot, when it changed and the copies the next change will make
   * are paid for by the `unpaid` characters read since the last one (or `now`). Returns whether
   * it did: {@link value} is then the snapshot, which never changes.
   */
  publish(unpaid: number, now = false): boolean {
    if (!this.#changed) return false;
    if (!now && this.#openWidth > copyBudget.free + copyBudget.perCharacter * unpaid) return false;
    this.#changed = false;
    this.#generation += 1;
    return true;
  }

  /**
   * The innermost open container, safe to change: the containers on the path to it that a
   * snapshot holds are copied first, each parent made to hold the copy of its child. Those made
   * since the last snapshot are the bottom of the stack: the path is copied from the first older
   * one up.
   */
  #writable(depth: number): Frame {
    const stack = this.#stack;
    let first = depth;
    while (first >= 0 && (stack[first] as Frame).generation !== this.#generation) first--;
    for (let at = first + 1; at <= depth; at++) {
      const frame = stack[at] as Frame;
      frame.container = frame.isArray
        ? (frame.container as unknown[]).slice()
        : { ...(frame.container as Record<string, unknown>) };
      frame.generation = this.#generation;
      this.copied += frame.width;
      if (at === 0) this.#root = frame.container;
      else put(stack[at - 1] as Frame, frame.slot, frame.container);
    }
    return stack[depth] as Frame;
  }
}
