"use client";

import { useTranslations } from "next-intl";
import { markReviewedAction, unmarkReviewedAction } from "@/lib/actions/teams";
import { ActionToggle } from "./action-toggle";

export function ReviewedToggle({
  teamId,
  talkId,
  talkTitle,
  reviewed,
}: {
  teamId: string;
  talkId: string;
  talkTitle: string;
  reviewed: boolean;
}) {
  const t = useTranslations("teams");
  return (
    <ActionToggle
      pressed={reviewed}
      run={() => (reviewed ? unmarkReviewedAction : markReviewedAction)({ teamId, talkId })}
      className={`rounded-md px-3 py-1 text-sm font-semibold ${reviewed ? "bg-green-100 text-green-900 hover:bg-green-200" : "border border-slate-300 bg-white hover:bg-slate-100"}`}
      label={
        <>
          {reviewed ? `✓ ${t("reviewed")}` : t("markReviewed")} <span className="sr-only">{talkTitle}</span>
        </>
      }
    />
  );
}
