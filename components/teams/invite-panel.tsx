"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { FormMessage } from "@/components/ui/form-message";
import { submitWith } from "@/components/ui/submit-with";
import { createInviteAction } from "@/lib/actions/teams";
import type { ActionResult } from "@/lib/actions/safe-action";
import { useErrorText } from "@/components/use-error-text";

type Invite = { token: string; role: string; expiresAt: string };

/** Owners create single-use invite links; only this page ever shows the token (the server keeps its hash). */
export function InvitePanel({ teamId }: { teamId: string }) {
  const t = useTranslations("teams");
  const format = useFormatter();
  const errors = useErrorText();
  const [result, setResult] = useState<ActionResult<Invite> | null>(null);
  const [pending, startTransition] = useTransition();
  const invite = result?.ok ? result.data : null;
  const url = invite ? `${window.location.origin}/invite/${invite.token}` : "";
  return (
    <section aria-labelledby="invite-heading" className="flex flex-col gap-3 rounded-xl bg-white p-4 shadow-sm">
      <h2 id="invite-heading" className="text-lg font-semibold">
        {t("invite")}
      </h2>
      <p className="text-sm text-slate-600">{t("inviteHelp")}</p>
      <form
        noValidate
        aria-label={t("createInvite")}
        className="flex flex-wrap items-end gap-2"
        onSubmit={submitWith((form) =>
          startTransition(async () => {
            setResult(await createInviteAction({ teamId, role: String(form.get("role") ?? "") }));
          }),
        )}
      >
        <label className="flex flex-col text-sm font-medium" htmlFor="invite-role">
          {t("role")}
          <select
            id="invite-role"
            name="role"
            defaultValue="EDITOR"
            className="rounded-md border border-slate-300 px-2 py-2"
          >
            {(["EDITOR", "VIEWER", "OWNER"] as const).map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" disabled={pending}>
          {t("createInvite")}
        </Button>
      </form>
      {invite ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="invite-url" className="text-sm font-medium">
            {t("inviteLink")}
          </label>
          <div className="flex gap-2">
            <input
              id="invite-url"
              readOnly
              value={url}
              className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-2 py-1.5 font-mono text-xs"
              onFocus={(e) => e.currentTarget.select()}
              data-testid="invite-url"
            />
            <CopyButton text={url} label={t("copy")} copiedLabel={t("copied")} selectId="invite-url" />
          </div>
          <p className="text-xs text-slate-600">
            {t("inviteExpires", {
              date: format.dateTime(new Date(invite.expiresAt), { dateStyle: "medium", timeStyle: "short" }),
            })}
          </p>
        </div>
      ) : null}
      <FormMessage message={errors.message(result)} />
    </section>
  );
}
