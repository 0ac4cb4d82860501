// The `yaml` package parses nested collections recursively. Nested some 20,000 levels deep it runs
// out of stack (a RangeError, fine); somewhat deeper, V8 can fail while compiling a regular
// expression near the stack limit with "FATAL ERROR: RegExpCompiler Allocation failed - process out
// of memory", which ends the whole process (a worker thread does not contain it). 100 KB of "["
// in a post's front matter was enough. So nesting is measured before the text reaches the parser,
// in one linear pass, and refused past a small limit: front matter is a few flat keys.
//
// The count errs on the high side: where this scan and YAML could disagree (a bracket inside a plain
// scalar, a quote it does not see as one), the scan counts the bracket, so a hostile text can make
// it refuse too much, never too little.

/** Characters after which a quote opens a quoted scalar (besides the start of a line). */
const NODE_START = new Set(["[", "{", ","]);

/** How deep the YAML text nests collections: flow brackets, plus "- - - x" / "? ? x" indicator runs on a line. */
export function yamlNestingDepth(text: string, stopAbove = Infinity): number {
  let deepest = 0;
  let flow = 0;
  let quote: string | null = null;
  let lineStart = true;
  let indicators = 0;
  let prev = ""; // the last character that was not a space, on this line
  let spaced = false; // whitespace since `prev`
  const deeper = (level: number) => {
    deepest = Math.max(deepest, level);
    return deepest > stopAbove;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") {
      lineStart = true;
      indicators = 0;
      prev = "";
      if (flow === 0) quote = null; // a quote this scan missed the end of cannot hide the next lines
      continue;
    }
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === " " || c === "\t") {
      spaced = true;
      continue;
    }
    if (lineStart && (c === "-" || c === "?") && (text[i + 1] === " " || text[i + 1] === "\t")) {
      indicators++;
      i++;
      if (deeper(flow + indicators)) return deepest;
      continue;
    }
    const startsNode = lineStart || NODE_START.has(prev) || (prev === ":" && spaced);
    lineStart = false;
    if (c === "#" && (spaced || prev === "")) {
      const end = text.indexOf("\n", i);
      i = (end < 0 ? text.length : end) - 1;
      continue;
    }
    if ((c === '"' || c === "'") && startsNode) quote = c;
    else if (c === "[" || c === "{") {
      flow++;
      if (deeper(flow + indicators)) return deepest;
    } else if ((c === "]" || c === "}") && flow > 0) flow--;
    prev = c;
    spaced = false;
  }
  return deepest;
}
