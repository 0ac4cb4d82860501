// Markdown → HTML syntax tree (hast), as react-markdown builds it (remark-parse, GFM, remark-rehype):
// what the Markdown Web Worker runs. The page sanitises and renders the tree (markdown-render.ts).
import type { Nodes, Root } from "hast";
import remarkBreaks from "remark-breaks";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { MAX_MARKDOWN_DEPTH, MAX_MARKDOWN_NODES } from "./markdown-limits";

// allowDangerousHtml keeps raw HTML as "raw" nodes, which the page shows as text (like react-markdown).
// remark-breaks: a line break in a note stays a line break (note-takers write line by line, without
// Markdown's two trailing spaces).
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkBreaks)
  .use(remarkRehype, { allowDangerousHtml: true });

/** Drops source positions (not needed, and half the size to copy) and checks the tree's size and depth. */
function stripAndMeasure(root: Root): boolean {
  const stack: [Nodes, number][] = [[root, 0]];
  let count = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (++count > MAX_MARKDOWN_NODES || depth > MAX_MARKDOWN_DEPTH) return false;
    delete node.position;
    if ("children" in node) for (const child of node.children) stack.push([child as Nodes, depth + 1]);
  }
  return true;
}

/** The tree, or null when the text nests too deep or makes too many nodes to render (or overflows the stack). */
export function markdownToHast(source: string): Root | null {
  try {
    const tree = processor.runSync(processor.parse(source)) as Root;
    return stripAndMeasure(tree) ? tree : null;
  } catch {
    return null;
  }
}
