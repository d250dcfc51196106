/**
 * Finds where a JSON text goes wrong, so a scenario author is told the line and column and what
 * was expected there. `JSON.parse` messages differ between JavaScript engines (and some give no
 * position at all), so this small scanner is used once `JSON.parse` has refused a text.
 * It only checks the syntax (RFC 8259) and never recurses, so deep nesting cannot overflow.
 */

export interface JsonSyntaxError {
  /** Offset in UTF-16 code units. */
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  /** What was expected, then what was found: "expected ':' after a field name, found '}'". */
  readonly detail: string;
  readonly hint?: string;
}

type State = 'value' | 'firstValue' | 'key' | 'firstKey' | 'colon' | 'after';

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

function describeChar(text: string, at: number): string {
  if (at >= text.length) return 'the end of the text';
  const code = text.codePointAt(at)!;
  if (code === 10 || code === 13) return 'a line break';
  if (code === 9) return 'a tab';
  if (code === 0x27) return `"'"`;
  if (code < 0x20) return `a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
  return `'${String.fromCodePoint(code)}'`;
}

function hintFor(text: string, at: number, state: State): string | undefined {
  const c = text[at];
  if (c === '/' && (text[at + 1] === '/' || text[at + 1] === '*')) return 'JSON allows no comments.';
  if (c === "'") return 'JSON strings and field names use double quotes (").';
  if ((state === 'key' && c === '}') || (state === 'value' && c === ']')) return 'JSON allows no comma before } or ].';
  if ((state === 'key' || state === 'firstKey') && c !== undefined && /[A-Za-z_$]/.test(c))
    return 'Field names need double quotes, as in "id".';
  if (state === 'after' && (c === '"' || c === '{' || c === '['))
    return 'A comma may be missing between two values.';
  return undefined;
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** The first syntax error in `text`, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const n = text.length;
  const stack: ('{' | '[')[] = [];
  let state: State = 'value';
  let i = 0;

  const fail = (at: number, expected: string, hint?: string): JsonSyntaxError => {
    const { line, column } = lineAndColumn(text, at);
    const found = describeChar(text, at);
    const h = hint ?? hintFor(text, at, state);
    return { offset: at, line, column, detail: `expected ${expected}, found ${found}`, ...(h ? { hint: h } : {}) };
  };

  /** Scans the string that opens at `i`; returns the offset after it or an error. */
  const scanString = (start: number): number | JsonSyntaxError => {
    let j = start + 1;
    while (j < n) {
      const code = text.charCodeAt(j);
      if (code === 34) return j + 1;
      if (code === 92) {
        const e = text[j + 1];
        if (e === 'u') {
          HEX4.lastIndex = j + 2;
          if (!HEX4.test(text)) return fail(j, 'four hex digits after \\u');
          j += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          j += 2;
        } else {
          return fail(j, 'a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX) after a backslash');
        }
        continue;
      }
      if (code < 0x20) return fail(j, 'the closing double quote of the string (a line break inside a string must be written \\n)');
      j++;
    }
    const opened = lineAndColumn(text, start);
    return fail(n, `the closing double quote of the string that opens at line ${opened.line}, column ${opened.column}`);
  };

  for (;;) {
    while (i < n && isSpace(text[i]!)) i++;
    if (i >= n) {
      if (state === 'after' && stack.length === 0) return undefined;
      const top = stack[stack.length - 1];
      const expected =
        state === 'after'
          ? `',' or '${top === '{' ? '}' : ']'}'`
          : state === 'colon'
            ? "':'"
            : state === 'key' || state === 'firstKey'
              ? 'a field name in double quotes'
              : 'a value';
      return fail(n, expected);
    }
    const c = text[i]!;
    switch (state) {
      case 'value':
      case 'firstValue': {
        if (c === '{') {
          stack.push('{');
          state = 'firstKey';
          i++;
        } else if (c === '[') {
          stack.push('[');
          state = 'firstValue';
          i++;
        } else if (c === ']' && state === 'firstValue') {
          stack.pop();
          state = 'after';
          i++;
        } else if (c === '"') {
          const end = scanString(i);
          if (typeof end !== 'number') return end;
          i = end;
          state = 'after';
        } else if (c === '-' || (c >= '0' && c <= '9')) {
          NUMBER.lastIndex = i;
          if (!NUMBER.test(text)) return fail(i, 'a number');
          i = NUMBER.lastIndex;
          state = 'after';
        } else if (text.startsWith('true', i)) {
          i += 4;
          state = 'after';
        } else if (text.startsWith('false', i)) {
          i += 5;
          state = 'after';
        } else if (text.startsWith('null', i)) {
          i += 4;
          state = 'after';
        } else {
          return fail(i, 'a value (an object, a list, a string, a number, true, false or null)');
        }
        break;
      }
      case 'key':
      case 'firstKey': {
        if (c === '"') {
          const end = scanString(i);
          if (typeof end !== 'number') return end;
          i = end;
          state = 'colon';
        } else if (c === '}' && state === 'firstKey') {
          stack.pop();
          state = 'after';
          i++;
        } else {
          return fail(i, state === 'firstKey' ? "a field name in double quotes or '}'" : 'a field name in double quotes');
        }
        break;
      }
      case 'colon': {
        if (c !== ':') return fail(i, "':' after the field name");
        i++;
        state = 'value';
        break;
      }
      case 'after': {
        const top = stack[stack.length - 1];
        if (top === undefined) return fail(i, 'the end of the text after the JSON value');
        const close = top === '{' ? '}' : ']';
        if (c === ',') {
          state = top === '{' ? 'key' : 'value';
          i++;
        } else if (c === close) {
          stack.pop();
          state = 'after';
          i++;
        } else {
          return fail(i, `',' or '${close}'`);
        }
        break;
      }
    }
  }
}
