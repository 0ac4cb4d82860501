"use client";

import { useState } from "react";

/** Copies `text`; falls back to selecting it in the given input when the clipboard is refused (http, old browsers). */
export function CopyButton({
  text,
  label,
  copiedLabel,
  selectId,
  className = "",
}: {
  text: string;
  label: string;
  copiedLabel: string;
  selectId?: string;
  className?: string;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className={`rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-100 ${className}`}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        } catch {
          const input = selectId ? (document.getElementById(selectId) as HTMLInputElement | null) : null;
          input?.select();
        }
      }}
    >
      <span aria-live="polite">{copied ? copiedLabel : label}</span>
    </button>
  );
}
