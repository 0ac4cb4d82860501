"use client";

import type { Root } from "hast";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { parseMarkdownInWorker, treeToReact } from "@/lib/security/markdown-render";

// A note's Markdown is parsed in a Web Worker, never on the server (a crafted note used to hold the
// server for seconds per view) nor on this page's main thread. Until the worker answers, and when
// the note is too complex to format in time, the text is shown as it is. No raw HTML ever renders
// and javascript: URLs are dropped (lib/security/markdown-render.ts), so a note can show `<script>`
// as text but never run it.
const STYLE =
  "prose-note flex flex-col gap-2 text-slate-900 [&_a]:text-brand-700 [&_a]:underline [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_h1]:text-xl [&_h1]:font-bold [&_h2]:text-lg [&_h2]:font-bold [&_h3]:font-semibold [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6";

/** Typing in the editor re-renders the preview; parse once the text has been still this long. */
const SETTLE_MS = 150;

export function MarkdownPreview({ source, className = STYLE }: { source: string; className?: string }) {
  const t = useTranslations("markdown");
  const [rendered, setRendered] = useState<{ source: string; tree: Root | null } | null>(null);

  useEffect(() => {
    const stop = new AbortController();
    const timer = setTimeout(() => {
      void parseMarkdownInWorker(source, stop.signal).then((tree) => {
        if (!stop.signal.aborted) setRendered({ source, tree });
      });
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      stop.abort();
    };
  }, [source]);

  const content = useMemo(() => (rendered?.tree ? treeToReact(rendered.tree) : null), [rendered]);
  const isCurrent = rendered?.source === source;
  const isPlain = isCurrent && rendered.tree === null;
  // While the editor's newer text is parsed, the last formatted version stays (no flicker).
  const showFormatted = content !== null && !isPlain;

  return (
    <div
      className={className}
      data-markdown={showFormatted && isCurrent ? "formatted" : isPlain ? "plain" : "pending"}
      aria-busy={!isCurrent}
    >
      {showFormatted ? content : <div className="whitespace-pre-wrap break-words">{source}</div>}
      {isPlain ? (
        <p className="text-xs text-slate-600" role="note">
          {t("tooComplex")}
        </p>
      ) : null}
    </div>
  );
}
