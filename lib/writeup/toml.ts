// A small TOML reader for Hugo's `+++` front matter. No TOML package is a dependency, and front
// matter uses a small part of the language: key/value pairs (bare, quoted, dotted keys), strings
// (basic, literal, multi-line), numbers, booleans, date-times, arrays, inline tables, [tables] and
// [[arrays of tables]]. Date-times stay strings (the caller reads dates itself). Throws Error.

type Table = Record<string, unknown>;

const BARE_KEY = /[A-Za-z0-9_-]/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?/i;
const LOCAL_TIME = /^\d{2}:\d{2}:\d{2}(?:\.\d+)?/;
const NUMBER = /^[+-]?(?:0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|inf|nan|\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d[\d_]*)?)/;
const ESCAPES: Record<string, string> = { b: "\b", t: "\t", n: "\n", f: "\f", r: "\r", '"': '"', "\\": "\\" };

function isTable(value: unknown): value is Table {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function parseToml(text: string): Table {
  let i = 0;
  const fail = (what: string): never => {
    const line = text.slice(0, i).split("\n").length;
    throw new Error(`TOML: ${what} at line ${line}`);
  };
  const skipSpaces = () => {
    while (text[i] === " " || text[i] === "\t") i++;
  };
  // Whitespace, newlines and comments: allowed between array items and between statements.
  const skipBlank = () => {
    for (;;) {
      skipSpaces();
      if (text[i] === "#") while (i < text.length && text[i] !== "\n") i++;
      else if (text[i] === "\n") i++;
      else return;
    }
  };

  const basicString = (): string => {
    const multi = text.startsWith('"""', i);
    i += multi ? 3 : 1;
    if (multi && text[i] === "\n") i++; // a newline right after """ is not part of the string
    let out = "";
    for (;;) {
      if (i >= text.length) return fail("unterminated string");
      if (multi ? text.startsWith('"""', i) : text[i] === '"') break;
      const c = text[i++];
      if (c === "\n" && !multi) fail("newline in string");
      if (c !== "\\") {
        out += c;
        continue;
      }
      const e = text[i++];
      if (e === "u" || e === "U") {
        const hex = text.slice(i, i + (e === "u" ? 4 : 8));
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== (e === "u" ? 4 : 8)) fail("bad unicode escape");
        out += String.fromCodePoint(parseInt(hex, 16));
        i += hex.length;
      } else if (multi && (e === "\n" || e === " " || e === "\t")) {
        while (/\s/.test(text[i] ?? "")) i++; // line-ending backslash trims the following whitespace
      } else if (e in ESCAPES) out += ESCAPES[e];
      else fail(`bad escape \\${e}`);
    }
    i += multi ? 3 : 1;
    return out;
  };

  const literalString = (): string => {
    const multi = text.startsWith("'''", i);
    i += multi ? 3 : 1;
    if (multi && text[i] === "\n") i++;
    const end = text.indexOf(multi ? "'''" : "'", i);
    if (end < 0) fail("unterminated string");
    const out = text.slice(i, end);
    if (!multi && out.includes("\n")) fail("newline in string");
    i = end + (multi ? 3 : 1);
    return out;
  };

  const key = (): string[] => {
    const parts: string[] = [];
    for (;;) {
      skipSpaces();
      if (text[i] === '"') parts.push(basicString());
      else if (text[i] === "'") parts.push(literalString());
      else {
        const start = i;
        while (i < text.length && BARE_KEY.test(text[i])) i++;
        if (i === start) fail("expected a key");
        parts.push(text.slice(start, i));
      }
      skipSpaces();
      if (text[i] !== ".") return parts;
      i++;
    }
  };

  const value = (): unknown => {
    const rest = text.slice(i, i + 64);
    if (text[i] === '"') return basicString();
    if (text[i] === "'") return literalString();
    if (text[i] === "[") return array();
    if (text[i] === "{") return inlineTable();
    for (const [word, v] of [["true", true], ["false", false]] as const) {
      if (rest.startsWith(word) && !BARE_KEY.test(rest[word.length] ?? "")) return (i += word.length), v;
    }
    const date = DATE_TIME.exec(rest) ?? LOCAL_TIME.exec(rest);
    if (date) return (i += date[0].length), date[0];
    const num = NUMBER.exec(rest);
    if (!num) return fail("expected a value");
    i += num[0].length;
    const digits = num[0].replace(/_/g, "");
    if (/inf$/.test(digits)) return digits.startsWith("-") ? -Infinity : Infinity;
    if (/nan$/.test(digits)) return NaN;
    return /^[+-]?0[xob]/.test(digits) ? Number(digits.replace(/^\+/, "")) : Number(digits);
  };

  const array = (): unknown[] => {
    i++;
    const out: unknown[] = [];
    for (;;) {
      skipBlank();
      if (text[i] === "]") return i++, out;
      out.push(value());
      skipBlank();
      if (text[i] === ",") i++;
      else if (text[i] !== "]") fail("expected , or ] in array");
    }
  };

  const inlineTable = (): Table => {
    i++;
    const out: Table = {};
    skipSpaces();
    if (text[i] === "}") return i++, out;
    for (;;) {
      assign(out, key(), () => (skipSpaces(), text[i++] === "=" || fail("expected ="), skipSpaces(), value()));
      skipSpaces();
      if (text[i] === "}") return i++, out;
      if (text[i++] !== ",") fail("expected , or } in inline table");
    }
  };

  // Walks/creates the tables of a dotted key; the last part receives the value.
  const assign = (table: Table, path: string[], read: () => unknown) => {
    let t = table;
    for (const part of path.slice(0, -1)) {
      const next = t[part] ?? (t[part] = {});
      if (!isTable(next)) fail(`key ${part} is not a table`);
      t = next as Table;
    }
    const last = path[path.length - 1];
    if (last in t) fail(`duplicate key ${path.join(".")}`);
    t[last] = read();
  };

  const root: Table = {};
  let current = root;
  for (;;) {
    skipBlank();
    if (i >= text.length) return root;
    if (text[i] === "[") {
      const isArray = text[i + 1] === "[";
      i += isArray ? 2 : 1;
      const path = key();
      if (!text.startsWith(isArray ? "]]" : "]", i)) fail("expected ] after table name");
      i += isArray ? 2 : 1;
      let t = root;
      for (const [n, part] of path.entries()) {
        const last = n === path.length - 1;
        if (last && isArray) {
          const list = t[part] ?? (t[part] = []);
          if (!Array.isArray(list)) fail(`${part} is not an array of tables`);
          (list as Table[]).push((t = {}));
        } else {
          let next = t[part] ?? (t[part] = {});
          if (Array.isArray(next)) next = next[next.length - 1]; // [a.b] after [[a]] extends the last a
          if (!isTable(next)) fail(`${part} is not a table`);
          t = next as Table;
        }
      }
      current = t;
    } else {
      const path = key();
      if (text[i++] !== "=") fail("expected =");
      skipSpaces();
      assign(current, path, value);
    }
    skipSpaces();
    if (text[i] === "#") while (i < text.length && text[i] !== "\n") i++;
    if (i < text.length && text[i] !== "\n") fail("expected the end of the line");
  }
}
