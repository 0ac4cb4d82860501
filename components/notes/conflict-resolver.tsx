"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { CLASH_START, mergeThreeWay } from "@/lib/notes/merge";
import { Button } from "@/components/ui/button";

type Props = {
  /** This device's text; it keeps changing when the user types in the note while the panel is open. */
  mine: string;
  theirs: string;
  theirsVersion: number;
  /** The text both sides started from (null when this device does not know it). */
  base: string | null;
  onResolve: (merged: string) => Promise<void>;
};

/**
 * Shows both texts side by side and a three-way merged text to edit and save. Text typed in the
 * note while the panel is open is merged into the merged text as it is typed, so saving the merge
 * never drops it.
 */
export function ConflictResolver({ mine, theirs, theirsVersion, base, onResolve }: Props) {
  const t = useTranslations("notes.conflict");
  const labels = { mine: t("mineMarker"), theirs: t("theirsMarker", { version: theirsVersion }) };
  const [merged, setMerged] = useState(() => mergeThreeWay(base, theirs, mine, labels).text);
  const [pending, setPending] = useState(false);
  const mineSeen = useRef(mine);
  useEffect(() => {
    if (mine === mineSeen.current) return;
    const before = mineSeen.current;
    mineSeen.current = mine;
    // What was typed since the panel last looked goes into the merged text (a three-way merge of
    // the merged text and the note against the note as it was).
    setMerged((current) => mergeThreeWay(before, current, mine, { mine: labels.mine, theirs: t("mergedMarker") }).text);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mine]);
  const clashes = merged.split("\n").filter((line) => line.startsWith(CLASH_START)).length;
  const save = async (text: string) => {
    setPending(true);
    await onResolve(text);
    setPending(false);
  };
  return (
    <section
      role="alertdialog"
      aria-labelledby="conflict-title"
      aria-describedby="conflict-body"
      className="flex flex-col gap-3 rounded-xl border-2 border-red-500 bg-red-50 p-3"
      data-testid="conflict"
    >
      <h2 id="conflict-title" className="font-bold text-red-800">
        {t("title")}
      </h2>
      <p id="conflict-body" className="text-sm text-red-900">
        {t("body")}
      </p>
      <div className="grid gap-3 md:grid-cols-2">
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("mine")}
          <textarea
            readOnly
            value={mine}
            rows={6}
            className="rounded border border-slate-300 bg-white p-2 font-mono text-sm"
            data-testid="conflict-mine"
          />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("theirs", { version: theirsVersion })}
          <textarea
            readOnly
            value={theirs}
            rows={6}
            className="rounded border border-slate-300 bg-white p-2 font-mono text-sm"
            data-testid="conflict-theirs"
          />
        </label>
      </div>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("merged")}
        <textarea
          value={merged}
          onChange={(e) => setMerged(e.target.value)}
          rows={8}
          className="rounded border border-slate-300 bg-white p-2 font-mono text-sm"
          data-testid="conflict-merged"
        />
      </label>
      {clashes ? (
        <p className="text-sm font-medium text-red-900" data-testid="conflict-clashes">
          {t("clashes", { count: clashes, start: CLASH_START })}
        </p>
      ) : null}
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
