"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { mergeTexts } from "@/lib/notes/merge";
import { Button } from "@/components/ui/button";

/** Shows both texts side by side and a merged text (every line of both kept) to edit and save. */
export function ConflictResolver({ mine, theirs, theirsVersion, onResolve }: { mine: string; theirs: string; theirsVersion: number; onResolve: (merged: string) => Promise<void> }) {
  const t = useTranslations("notes.conflict");
  const [merged, setMerged] = useState(() => mergeTexts(theirs, mine));
  const [pending, setPending] = useState(false);
  const save = async (text: string) => {
    setPending(true);
    await onResolve(text);
    setPending(false);
  };
  return (
    <section role="alertdialog" aria-labelledby="conflict-title" aria-describedby="conflict-body" className="flex flex-col gap-3 rounded-xl border-2 border-red-500 bg-red-50 p-3" data-testid="conflict">
      <h2 id="conflict-title" className="font-bold text-red-800">
        {t("title")}
      </h2>
      <p id="conflict-body" className="text-sm text-red-900">
        {t("body")}
      </p>
      <div className="grid gap-3 md:grid-cols-2">
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("mine")}
          <textarea readOnly value={mine} rows={6} className="rounded border border-slate-300 bg-white p-2 font-mono text-sm" data-testid="conflict-mine" />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("theirs", { version: theirsVersion })}
          <textarea readOnly value={theirs} rows={6} className="rounded border border-slate-300 bg-white p-2 font-mono text-sm" data-testid="conflict-theirs" />
        </label>
      </div>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("merged")}
        <textarea value={merged} onChange={(e) => setMerged(e.target.value)} rows={8} className="rounded border border-slate-300 bg-white p-2 font-mono text-sm" data-testid="conflict-merged" />
      </label>
      <div className="flex flex-wrap gap-2">
        <Button type="button" disabled={pending} onClick={() => save(merged)}>
          {t("saveMerged")}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => save(mine)}>
          {t("keepMine")}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => save(theirs)}>
          {t("keepTheirs")}
        </Button>
      </div>
    </section>
  );
}
