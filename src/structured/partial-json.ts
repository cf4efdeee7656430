/**
 * An incremental parser of a JSON text that arrives in pieces: each piece is read once, and the
 * value so far is kept as a snapshot that only grows. The state between pieces is the grammar's
 * mode, the open containers ({@link SnapshotTree}) and the token being read (a string, a number
 * or a literal), never the text: the reading is linear in the text's length, and so are the
 * snapshots' copies (see `snapshot-tree.ts`).
 */
import { SnapshotTree } from './snapshot-tree.js';

/** What the parser expects next. */
const VALUE = 0; // a value: at the root, after `:`, after `,` in an array
const FIRST_VALUE = 1; // after `[`: a value or `]`
const KEY = 2; // after `,` in an object: a key
const FIRST_KEY = 3; // after `{`: a key or `}`
const COLON = 4; // after a key
const NEXT = 5; // after a value: `,` or the end of its container
const STRING = 6; // inside a string (a key or a value)
const NUMBER = 7; // inside a number
const LITERAL = 8; // inside `true`, `false` or `null`
const DONE = 9; // the root value is complete: only whitespace may follow
const FAILED = 10; // not JSON: nothing more is read

const literals = ['true', 'false', 'null'] as const;
const literalValues = { true: true, false: false, null: null } as const;
const numberPattern = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const escapes: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

const isSpace = (code: number) => code === 32 || code === 10 || code === 13 || code === 9;

/**
 * A JSON text read piece by piece ({@link PartialJSON.push}), its value so far in
 * {@link PartialJSON.value}: a valid prefix of the final value, in which a field never changes
 * type. A string shows as it grows (it stays a string); a number, `true`, `false` and `null`
 * show only once complete (`12` could still become `123`); an object shows a key once its value
 * has begun. Each snapshot is new where it changed, shares what did not with the one before, and
 * is never changed afterwards.
 */
export class PartialJSON {
  /** Why the text is not JSON, once it is not (nothing more is read then). */
  error: string | undefined;

  #mode = VALUE;
  readonly #tree = new SnapshotTree();
  /** Characters read, and those read since the last snapshot. */
  #offset = 0;
  #unpaid = 0;
  /** The string being read, and whether it is a key. */
  #text = '';
  #isKey = false;
  /** The text of a string value as its parent holds it (to write it once per piece). */
  #written = '';
  /** Inside a string: 0, or 1 after `\`, or 2 to 5 while reading the digits of `\u`. */
  #escape = 0;
  #hex = '';
  /** The number or literal being read. */
  #token = '';

  /** The value so far: `undefined` until a value has begun. */
  get value(): unknown {
    return this.#tree.value;
  }

  /** Characters read plus entries copied: the work done, for tests that check it is linear. */
  get steps(): number {
    return this.#offset + this.#tree.copied;
  }

  /** Whether the whole value has been read. */
  get done(): boolean {
    return this.#mode === DONE;
  }

  /**
   * Reads the next piece of the text. Returns whether the value changed: then {@link value} is
   * a new snapshot, and the one before it stays as it was.
   */
  push(piece: string): boolean {
    if (this.#mode === FAILED) return false;
    for (let i = 0; i < piece.length && this.#mode !== FAILED; ) i = this.#read(piece, i);
    this.#offset += piece.length;
    this.#unpaid += piece.length;
    // A string value shows what it has so far, once per piece.
    if (this.#mode === STRING && !this.#isKey && this.#text !== this.#written) this.#writeText();
    return this.#publish(false);
  }

  /**
   * The end of the text: a number at the root completes (nothing can follow it), and a snapshot
   * held back to save a copy is made. Returns whether the value changed. Whether the text was
   * whole is {@link done}.
   */
  end(): boolean {
    if (this.#mode === NUMBER && this.#tree.depth === 0) this.#endNumber(0);
    return this.#publish(true);
  }

  /** Reads from `i` as the mode says; returns where to read next. */
  #read(s: string, i: number): number {
    switch (this.#mode) {
      case STRING:
        return this.#readString(s, i);
      case NUMBER: {
        let j = i;
        while (j < s.length && isNumberChar(s.charCodeAt(j))) j++;
        this.#token += s.slice(i, j);
        // The number ends at the first character that cannot be part of it, read again below.
        if (j < s.length) this.#endNumber(j);
        return j;
      }
      case LITERAL:
        return this.#readLiteral(s, i);
    }
    const code = s.charCodeAt(i);
    if (isSpace(code)) return i + 1;
    const char = s[i] as string;
    switch (this.#mode) {
      case VALUE:
      case FIRST_VALUE:
        if (char === ']' && this.#mode === FIRST_VALUE) this.#close();
        else this.#beginValue(char, code, i);
        break;
      case FIRST_KEY:
      case KEY:
        if (char === '"') this.#beginString(true);
        else if (char === '}' && this.#mode === FIRST_KEY) this.#close();
        else this.#fail(`expected a key, got ${JSON.stringify(char)}`, i);
        break;
      case COLON:
        if (char === ':') this.#mode = VALUE;
        else this.#fail(`expected ":", got ${JSON.stringify(char)}`, i);
        break;
      case NEXT: {
        const end = this.#tree.inArray ? ']' : '}';
        if (char === ',') this.#mode = this.#tree.inArray ? VALUE : KEY;
        else if (char === end) this.#close();
        else this.#fail(`expected "," or "${end}", got ${JSON.stringify(char)}`, i);
        break;
      }
      default:
        this.#fail(`expected the end of the text, got ${JSON.stringify(char)}`, i);
    }
    return i + 1;
  }

  #beginValue(char: string, code: number, at: number): void {
    if (char === '{' || char === '[') {
      this.#tree.open(char === '[');
      this.#mode = char === '[' ? FIRST_VALUE : FIRST_KEY;
    } else if (char === '"') {
      this.#beginString(false);
    } else if (char === '-' || (code >= 48 && code <= 57)) {
      this.#token = char;
      this.#mode = NUMBER;
    } else if (char === 't' || char === 'f' || char === 'n') {
      this.#token = char;
      this.#mode = LITERAL;
    } else {
      this.#fail(`expected a value, got ${JSON.stringify(char)}`, at);
    }
  }

  #beginString(isKey: boolean): void {
    this.#text = '';
    this.#isKey = isKey;
    this.#mode = STRING;
    // A string value shows at once, empty: it can only grow.
    if (!isKey) {
      this.#tree.add('');
      this.#written = '';
    }
  }

  /** Reads string content from `i`: up to its closing quote, or to the end of the piece. */
  #readString(s: string, i: number): number {
    let j = i;
    if (this.#escape > 0) j = this.#readEscape(s, j);
    let start = j;
    while (j < s.length && this.#mode === STRING) {
      const code = s.charCodeAt(j);
      if (code === 34 /* " */ || code === 92 /* \ */ || code < 32) {
        this.#text += s.slice(start, j);
        if (code < 32) {
          this.#fail('a control character in a string', j);
          return s.length;
        }
        if (code === 34) {
          this.#endString();
          return j + 1;
        }
        this.#escape = 1;
        j = this.#readEscape(s, j + 1);
        start = j;
      } else j++;
    }
    if (this.#mode === STRING) this.#text += s.slice(start, j);
    return j;
  }

  /** Reads what follows a `\` (from `i`, as far as this piece goes); returns where it stopped. */
  #readEscape(s: string, i: number): number {
    let j = i;
    if (this.#escape === 1 && j < s.length) {
      const char = s[j++] as string;
      if (char === 'u') {
        this.#escape = 2;
        this.#hex = '';
      } else if (escapes[char] !== undefined) {
        this.#text += escapes[char];
        this.#escape = 0;
      } else {
        this.#fail(`an invalid escape \\${char}`, j);
        return s.length;
      }
    }
    while (this.#escape >= 2 && j < s.length) {
      const char = s[j++] as string;
      if (!/[0-9a-fA-F]/.test(char)) {
        this.#fail(`an invalid escape \\u${this.#hex}${char}`, j);
        return s.length;
      }
      this.#hex += char;
      if (this.#hex.length === 4) {
        this.#text += String.fromCharCode(Number.parseInt(this.#hex, 16));
        this.#escape = 0;
      }
    }
    return j;
  }

  #endString(): void {
    if (this.#isKey) {
      this.#tree.setKey(this.#text);
      this.#mode = COLON;
      return;
    }
    if (this.#text !== this.#written) this.#writeText();
    this.#text = '';
    this.#afterValue();
  }

  #readLiteral(s: string, i: number): number {
    let j = i;
    const word = literals.find((literal) => literal[0] === this.#token[0]) as string;
    while (j < s.length && this.#token.length < word.length) {
      const char = s[j] as string;
      if (char !== word[this.#token.length]) {
        this.#fail(`expected ${word}, got ${JSON.stringify(this.#token + char)}`, j);
        return s.length;
      }
      this.#token += char;
      j++;
    }
    if (this.#token.length === word.length) {
      this.#tree.add(literalValues[word as keyof typeof literalValues]);
      this.#afterValue();
    }
    return j;
  }

  #endNumber(at: number): void {
    if (!numberPattern.test(this.#token)) {
      this.#fail(`an invalid number ${JSON.stringify(this.#token)}`, at);
      return;
    }
    this.#tree.add(Number(this.#token));
    this.#afterValue();
  }

  /** After a complete value: more of its container, or the end of the text. */
  #afterValue(): void {
    this.#mode = this.#tree.depth === 0 ? DONE : NEXT;
  }

  /** The end of the innermost container: complete, it never changes again. */
  #close(): void {
    this.#tree.close();
    this.#afterValue();
  }

  /** Shows the string value read so far where it goes. */
  #writeText(): void {
    this.#written = this.#text;
    this.#tree.replaceLast(this.#text);
  }

  /** Makes a snapshot when the tree says it is due (or `now`). */
  #publish(now: boolean): boolean {
    if (!this.#tree.publish(this.#unpaid, now)) return false;
    this.#unpaid = 0;
    return true;
  }

  #fail(reason: string, at: number): void {
    this.#mode = FAILED;
    this.error = `${reason} near character ${this.#offset + at}`;
  }
}

/** Characters that may continue a number: digits, `-`, `+`, `.`, `e`, `E`. */
function isNumberChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    code === 45 ||
    code === 43 ||
    code === 46 ||
    code === 101 ||
    code === 69
  );
}
