"use client";

import { CopyButton } from "@/components/ui/copy-button";

/** The post in a read-only text area, with Copy (clipboard, falls back to selecting the text). */
export function WriteupText({
  markdown,
  label,
  copy,
  copied,
}: {
  markdown: string;
  label: string;
  copy: string;
  copied: string;
}) {
  return (
    <div className="flex flex-col gap-2">
      <div>
        <CopyButton text={markdown} label={copy} copiedLabel={copied} selectId="writeup-markdown" />
      </div>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {label}
        <textarea
          id="writeup-markdown"
          readOnly
          value={markdown}
          rows={24}
          className="w-full rounded border border-slate-300 p-2 font-mono text-xs"
          data-testid="writeup-markdown"
        />
      </label>
    </div>
  );
}
