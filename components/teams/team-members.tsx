"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { changeRoleAction, leaveTeamAction, removeMemberAction } from "@/lib/actions/teams";
import type { ActionResult } from "@/lib/actions/safe-action";
import { useErrorText } from "@/components/use-error-text";

type Role = "OWNER" | "EDITOR" | "VIEWER";
export type MemberRow = { userId: string; name: string; role: Role; joinedAt: string };

export function TeamMembers({
  teamId,
  teamName,
  members,
  myRole,
  myId,
}: {
  teamId: string;
  teamName: string;
  members: MemberRow[];
  myRole: Role;
  myId: string;
}) {
  const t = useTranslations("teams");
  const errors = useErrorText();
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const isOwner = myRole === "OWNER";
  const run = (call: () => Promise<ActionResult<unknown>>, after?: () => void) =>
    startTransition(async () => {
      const res = await call();
      setResult(res);
      if (res.ok) (after ?? router.refresh)();
    });
  return (
    <section aria-labelledby="members-heading" className="flex flex-col gap-3 rounded-xl bg-white p-4 shadow-sm">
      <h2 id="members-heading" className="text-lg font-semibold">
        {t("memberList")}{" "}
        <span className="text-sm font-normal text-slate-600">({t("members", { count: members.length })})</span>
      </h2>
      <ul className="divide-y divide-slate-100" data-testid="team-members">
        {members.map((m) => (
          <li key={m.userId} className="flex flex-wrap items-center gap-2 py-2" data-testid="team-member">
            <span className="min-w-0 flex-1 truncate font-medium">
              {m.name} {m.userId === myId ? <span className="text-xs text-slate-500">({t("you")})</span> : null}
            </span>
            {isOwner ? (
              <select
                aria-label={t("changeRole", { name: m.name })}
                value={m.role}
                disabled={pending}
                onChange={(e) => run(() => changeRoleAction({ teamId, userId: m.userId, role: e.target.value }))}
                className="rounded-md border border-slate-300 px-2 py-1 text-sm"
              >
                {(["OWNER", "EDITOR", "VIEWER"] as const).map((r) => (
                  <option key={r} value={r}>
                    {t(`roles.${r}`)}
                  </option>
                ))}
              </select>
            ) : (
              <span
                className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-700"
                data-testid="member-role"
              >
                {t(`roles.${m.role}`)}
              </span>
            )}
            {isOwner && m.userId !== myId ? (
              <button
                type="button"
                disabled={pending}
                className="rounded-md px-2 py-1 text-sm text-red-700 hover:bg-red-50"
                onClick={() => {
                  if (window.confirm(t("removeConfirm", { name: m.name })))
                    run(() => removeMemberAction({ teamId, userId: m.userId }));
                }}
              >
                {t("remove")} <span className="sr-only">{m.name}</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-xs text-slate-600">{t("roleHelp")}</p>
        <button
          type="button"
          disabled={pending}
          className="ml-auto rounded-md border border-slate-300 px-3 py-1.5 text-sm font-semibold hover:bg-slate-100"
          onClick={() => {
            if (window.confirm(t("leaveConfirm", { team: teamName })))
              run(
                () => leaveTeamAction({ teamId }),
                () => router.push("/teams"),
              );
          }}
        >
          {t("leave")}
        </button>
      </div>
      <FormMessage message={errors.message(result)} />
    </section>
  );
}
