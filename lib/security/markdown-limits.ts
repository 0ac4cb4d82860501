// Shared by the Markdown Web Worker and the page that renders its trees.
import type { Root } from "hast";

/** Nesting deeper than this (quotes in quotes in lists …) is shown as plain text: React recurses per level. */
export const MAX_MARKDOWN_DEPTH = 200;
/** A 1 MB note of ordinary prose is a few tens of thousands of nodes; far more is shown as plain text. */
export const MAX_MARKDOWN_NODES = 300_000;
/** Longest the worker may parse one text before the page gives up, stops it and shows plain text. */
export const MARKDOWN_TIME_LIMIT_MS = 5_000;

export type MarkdownRequest = { id: number; source: string };
export type MarkdownReply = { id: number; ok: true; tree: Root } | { id: number; ok: false };
