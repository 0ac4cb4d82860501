"use client";

import { useTranslations } from "next-intl";
import { claimTalkAction, unclaimTalkAction } from "@/lib/actions/teams";
import { ActionToggle } from "./action-toggle";

export function ClaimButton({
  teamId,
  talkId,
  talkTitle,
  claimed,
}: {
  teamId: string;
  talkId: string;
  talkTitle: string;
  claimed: boolean;
}) {
  const t = useTranslations("teams");
  return (
    <ActionToggle
      pressed={claimed}
      run={() => (claimed ? unclaimTalkAction : claimTalkAction)({ teamId, talkId })}
      className={`rounded-md px-3 py-1.5 text-sm font-semibold ${claimed ? "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100" : "bg-brand-600 text-white hover:bg-brand-700"}`}
      label={
        <>
          {claimed ? t("unclaim") : t("claim")} <span className="sr-only">{talkTitle}</span>
        </>
      }
    />
  );
}
