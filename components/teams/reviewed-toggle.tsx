"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { markReviewedAction, unmarkReviewedAction } from "@/lib/actions/teams";
import type { ActionResult } from "@/lib/actions/safe-action";
import { useTeamErrors } from "./use-team-errors";

export function ReviewedToggle({ teamId, talkId, talkTitle, reviewed }: { teamId: string; talkId: string; talkTitle: string; reviewed: boolean }) {
  const t = useTranslations("teams");
  const errors = useTeamErrors();
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const message = errors.message(result);
  return (
    <span className="flex items-center gap-2">
      <button
        type="button"
        aria-pressed={reviewed}
        disabled={pending}
        className={`rounded-md px-3 py-1 text-sm font-semibold ${reviewed ? "bg-green-100 text-green-900 hover:bg-green-200" : "border border-slate-300 bg-white hover:bg-slate-100"}`}
        onClick={() =>
          startTransition(async () => {
            const res = await (reviewed ? unmarkReviewedAction : markReviewedAction)({ teamId, talkId });
            setResult(res);
            if (res.ok) router.refresh();
          })
        }
      >
        {reviewed ? `✓ ${t("reviewed")}` : t("markReviewed")} <span className="sr-only">{talkTitle}</span>
      </button>
      {message ? (
        <span role="alert" className="text-xs text-red-700">
          {message}
        </span>
      ) : null}
    </span>
  );
}
