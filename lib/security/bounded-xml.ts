// A linear pre-scan of an XML text for the two shapes that make XML parsers slow or crash while
// the text is still small: elements nested absurdly deep (a million levels is 7 MB) and one element
// with a huge number of attributes (200,000 attributes blocked fast-xml-parser for 2.5 s). It does
// not check well-formedness (the parser's validator does, after this); it only counts, respecting
// quotes, comments, CDATA and processing instructions, and stops at the first limit passed.

export type XmlShapeLimits = { maxDepth: number; maxAttributes: number };
export type XmlShapeProblem = { kind: "depth" | "attributes"; limit: number; line: number };

const lineAt = (text: string, index: number) => {
  let line = 1;
  for (let at = text.indexOf("\n"); at >= 0 && at < index; at = text.indexOf("\n", at + 1)) line++;
  return line;
};

/** Index just past `close`, searching from `from`; the end of the text when it never comes. */
const skipPast = (text: string, close: string, from: number) => {
  const at = text.indexOf(close, from);
  return at < 0 ? text.length : at + close.length;
};

export function xmlShapeProblem(xml: string, limits: XmlShapeLimits): XmlShapeProblem | null {
  let depth = 0;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) break;
    const next = xml[lt + 1];
    if (next === "!") {
      if (xml.startsWith("<!--", lt)) i = skipPast(xml, "-->", lt + 4);
      else if (xml.startsWith("<![CDATA[", lt)) i = skipPast(xml, "]]>", lt + 9);
      else i = skipPast(xml, ">", lt + 2); // <!DOCTYPE …>: entity declarations are refused by the caller
      continue;
    }
    if (next === "?") {
      i = skipPast(xml, "?>", lt + 2);
      continue;
    }
    if (next === "/") {
      depth = Math.max(0, depth - 1);
      i = skipPast(xml, ">", lt + 2);
      continue;
    }
    // A start tag: every "=" outside quotes starts an attribute value.
    let attributes = 0;
    let j = lt + 1;
    while (j < xml.length && xml[j] !== ">") {
      const c = xml[j];
      if (c === '"' || c === "'") j = skipPast(xml, c, j + 1);
      else {
        if (c === "=" && ++attributes > limits.maxAttributes)
          return { kind: "attributes", limit: limits.maxAttributes, line: lineAt(xml, lt) };
        j++;
      }
    }
    if (xml[j - 1] !== "/" && ++depth > limits.maxDepth)
      return { kind: "depth", limit: limits.maxDepth, line: lineAt(xml, lt) };
    i = j + 1;
  }
  return null;
}
