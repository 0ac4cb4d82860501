// Compiles many terms into one prefix-tree regex. A flat alternation of ~1,000 terms makes the
// regex engine try every term at every position (hundreds of ms per note); a trie fails after a
// character or two, and trying deeper branches before "end here" makes the longest term win.

/** Token meaning "optional separator between words" (spaces, tabs, hyphens). */
export const SEP = "\u0000";
const SEP_RE = "[ \\t\\u00A0\\-]{0,3}";

export type TrieTerm = {
  tokens: string[]; // lowercase characters and SEP
  end: string; // regex appended where the term ends (a lookahead), "" for none
};

type Node = { children: Map<string, Node>; ends: Set<string> };
const node = (): Node => ({ children: new Map(), ends: new Set() });
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function emit(n: Node): string {
  const alts: string[] = [];
  for (const tok of [...n.children.keys()].sort()) {
    alts.push((tok === SEP ? SEP_RE : escapeRe(tok)) + emit(n.children.get(tok)!));
  }
  // Ending here is the last resort; an unconditional end must come after the conditional ones.
  alts.push(...[...n.ends].sort((a, b) => (a === "" ? 1 : b === "" ? -1 : a < b ? -1 : 1)));
  if (alts.length === 1) return alts[0];
  return `(?:${alts.join("|")})`;
}

/** Regex source matching any of `terms` (use with the "i" flag), or null when there are none. */
export function trieRegexSource(terms: TrieTerm[]): string | null {
  const root = node();
  for (const t of terms) {
    let n = root;
    for (const tok of t.tokens) {
      let next = n.children.get(tok);
      if (!next) n.children.set(tok, (next = node()));
      n = next;
    }
    n.ends.add(t.end);
  }
  return root.children.size ? emit(root) : null;
}
