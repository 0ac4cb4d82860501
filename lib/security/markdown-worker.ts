// Web Worker entry: a note's Markdown → HTML syntax tree off the page's main thread, so a note that
// is slow to parse (micromark is superlinear on crafted input) never freezes the tab. The page
// stops this worker when it takes too long (lib/security/markdown-render.ts).
import "./markdown-worker-dom"; // first: before micromark's entity decoder looks for `document`
import { markdownToHast } from "./markdown-hast";
import type { MarkdownReply, MarkdownRequest } from "./markdown-limits";

self.onmessage = (event: MessageEvent<MarkdownRequest>) => {
  const { id, source } = event.data;
  const tree = markdownToHast(source);
  self.postMessage((tree ? { id, ok: true, tree } : { id, ok: false }) satisfies MarkdownReply);
};
