// Markdown for the page: parsed in a Web Worker (lib/security/markdown-worker.ts) with a time limit,
// sanitised here, rendered as React elements. The server never parses a note's Markdown for a page:
// it sends the text, which is also what the page shows until (or unless) the worker is done.
//
// What may appear is what react-markdown allowed, stated as an allow-list: the elements Markdown
// produces, a few attributes, URLs through react-markdown's own filter (no javascript: or data:),
// and raw HTML shown as text, never parsed.
import type { Element, ElementContent, Nodes, Root, RootContent } from "hast";
import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import type { ComponentProps, ReactNode } from "react";
import { createElement } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import { defaultUrlTransform } from "react-markdown";
import { MARKDOWN_TIME_LIMIT_MS, type MarkdownReply } from "./markdown-limits";

const ELEMENTS = new Set([
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "a",
  "img",
  "ul",
  "ol",
  "li",
  "blockquote",
  "pre",
  "code",
  "em",
  "strong",
  "del",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "hr",
  "br",
  "input",
  "sup",
  "section",
]);
const ATTRIBUTES = new Set([
  "href",
  "src",
  "alt",
  "title",
  "className",
  "id",
  "align",
  "type",
  "checked",
  "disabled",
  "start",
  "dataFootnotes",
  "dataFootnoteRef",
  "dataFootnoteBackref",
  "ariaDescribedBy",
  "ariaLabel",
]);
const URL_ATTRIBUTES = new Set(["href", "src"]);

/** The tree the page may render: unknown elements unwrapped, unknown attributes dropped, raw HTML as text. */
export function sanitizeTree(root: Root): Root {
  const clean = (node: RootContent): ElementContent[] => {
    if (node.type === "text") return [{ type: "text", value: node.value }];
    if (node.type === "raw") return [{ type: "text", value: node.value }];
    if (node.type !== "element") return []; // comments, doctypes
    const children = node.children.flatMap(clean);
    if (!ELEMENTS.has(node.tagName)) return children;
    if (node.tagName === "input" && node.properties.type !== "checkbox") return children;
    const properties: Element["properties"] = {};
    for (const [key, value] of Object.entries(node.properties)) {
      if (!ATTRIBUTES.has(key)) continue;
      properties[key] = URL_ATTRIBUTES.has(key) ? defaultUrlTransform(String(value ?? "")) : value;
    }
    if (node.tagName === "input") properties.disabled = true;
    return [{ type: "element", tagName: node.tagName, properties, children }];
  };
  return { type: "root", children: root.children.flatMap(clean) };
}

// Slide photos and diagrams live on other hosts: loaded lazily and without telling them which page (or share token) linked them.
const components = {
  img: (props: ComponentProps<"img">) =>
    createElement("img", { ...props, loading: "lazy", referrerPolicy: "no-referrer" }),
  a: (props: ComponentProps<"a">) => createElement("a", { ...props, rel: "noopener noreferrer nofollow" }),
};

export function treeToReact(root: Root): ReactNode {
  return toJsxRuntime(sanitizeTree(root) as Nodes, {
    Fragment,
    jsx,
    jsxs,
    components,
    ignoreInvalidStyle: true,
    passKeys: true,
  });
}

// ── The worker: one per page, one text at a time; a text over the time limit costs the worker its life ──

type Pending = { id: number; source: string; resolve: (tree: Root | null) => void };

let worker: Worker | null = null;
let current: (Pending & { timer: ReturnType<typeof setTimeout> }) | null = null;
const waiting: Pending[] = [];
let nextId = 1;

function stopWorker() {
  worker?.terminate();
  worker = null;
}

function settle(tree: Root | null) {
  const job = current;
  if (!job) return;
  current = null;
  clearTimeout(job.timer);
  job.resolve(tree);
  startNext();
}

function startNext() {
  if (current) return;
  const job = waiting.shift();
  if (!job) return;
  try {
    worker ??= createWorker();
  } catch {
    job.resolve(null);
    startNext();
    return;
  }
  current = {
    ...job,
    timer: setTimeout(() => {
      stopWorker();
      settle(null);
    }, MARKDOWN_TIME_LIMIT_MS),
  };
  worker.postMessage({ id: job.id, source: job.source });
}

function createWorker(): Worker {
  const w = new Worker(new URL("./markdown-worker.ts", import.meta.url));
  w.onmessage = (event: MessageEvent<MarkdownReply>) => {
    if (current && event.data.id === current.id) settle(event.data.ok ? event.data.tree : null);
  };
  w.onerror = () => {
    stopWorker();
    settle(null);
  };
  return w;
}

/**
 * The text's HTML tree, or null when it cannot be formatted in time (too complex, or no worker in
 * this browser): the caller then keeps showing the plain text. `signal` drops a request nobody
 * waits for any more (the editor typed on; the component unmounted).
 */
export function parseMarkdownInWorker(source: string, signal?: AbortSignal): Promise<Root | null> {
  if (typeof Worker === "undefined") return Promise.resolve(null);
  return new Promise((resolve) => {
    const job: Pending = { id: nextId++, source, resolve };
    waiting.push(job);
    signal?.addEventListener("abort", () => {
      const at = waiting.indexOf(job);
      if (at >= 0) waiting.splice(at, 1);
      resolve(null);
    });
    startNext();
  });
}
