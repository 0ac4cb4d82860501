"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { claimTalkAction, unclaimTalkAction } from "@/lib/actions/teams";
import type { ActionResult } from "@/lib/actions/safe-action";
import { useTeamErrors } from "./use-team-errors";

export function ClaimButton({ teamId, talkId, talkTitle, claimed }: { teamId: string; talkId: string; talkTitle: string; claimed: boolean }) {
  const t = useTranslations("teams");
  const errors = useTeamErrors();
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const message = errors.message(result);
  return (
    <div className="flex flex-col gap-1">
      <button
        type="button"
        aria-pressed={claimed}
        disabled={pending}
        className={`rounded-md px-3 py-1.5 text-sm font-semibold ${claimed ? "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100" : "bg-brand-600 text-white hover:bg-brand-700"}`}
        onClick={() =>
          startTransition(async () => {
            const res = await (claimed ? unclaimTalkAction : claimTalkAction)({ teamId, talkId });
            setResult(res);
            if (res.ok) router.refresh();
          })
        }
      >
        {claimed ? t("unclaim") : t("claim")} <span className="sr-only">{talkTitle}</span>
      </button>
      {message ? (
        <p role="alert" className="text-xs text-red-700">
          {message}
        </p>
      ) : null}
    </div>
  );
}
