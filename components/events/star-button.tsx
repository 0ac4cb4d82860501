"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { setStarAction } from "@/lib/actions/stars";

export function StarButton({
  talkId,
  title,
  initiallyStarred,
}: {
  talkId: string;
  title: string;
  initiallyStarred: boolean;
}) {
  const t = useTranslations("event");
  const [starred, setStarred] = useState(initiallyStarred);
  const [pending, startTransition] = useTransition();
  const label = `${starred ? t("unstar") : t("star")}: ${title}`;
  return (
    <button
      type="button"
      aria-pressed={starred}
      aria-label={label}
      title={label}
      disabled={pending}
      onClick={() => {
        const next = !starred;
        setStarred(next); // shown at once; put back if the server refuses
        startTransition(async () => {
          const res = await setStarAction({ talkId, starred: next });
          if (!res.ok) setStarred(!next);
        });
      }}
      className={`shrink-0 rounded p-1 text-lg leading-none ${starred ? "text-amber-500" : "text-slate-300 hover:text-slate-500"}`}
    >
      {starred ? "★" : "☆"}
    </button>
  );
}
