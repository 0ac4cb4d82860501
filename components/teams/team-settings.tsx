"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { submitWith } from "@/components/ui/submit-with";
import { deleteTeamAction, renameTeamAction } from "@/lib/actions/teams";
import type { ActionResult } from "@/lib/actions/safe-action";
import { useErrorText } from "@/components/use-error-text";

export function TeamSettings({ teamId, name }: { teamId: string; name: string }) {
  const t = useTranslations("teams");
  const errors = useErrorText();
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <section aria-labelledby="settings-heading" className="flex flex-col gap-3 rounded-xl bg-white p-4 shadow-sm">
      <h2 id="settings-heading" className="text-lg font-semibold">
        {t("settings")}
      </h2>
      <form
        noValidate
        aria-label={t("rename")}
        className="flex flex-wrap items-end gap-2"
        onSubmit={submitWith((form) =>
          startTransition(async () => {
            const res = await renameTeamAction({ teamId, name: String(form.get("name") ?? "") });
            setResult(res);
            if (res.ok) router.refresh();
          }),
        )}
      >
        <label className="flex min-w-[12rem] flex-1 flex-col text-sm font-medium" htmlFor="rename-team">
          {t("name")}
          <input
            id="rename-team"
            name="name"
            defaultValue={name}
            maxLength={80}
            className="rounded-md border border-slate-300 px-3 py-2"
          />
        </label>
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("rename")}
        </Button>
      </form>
      <div>
        <Button
          type="button"
          variant="danger"
          disabled={pending}
          onClick={() => {
            if (!window.confirm(t("deleteConfirm", { team: name }))) return;
            startTransition(async () => {
              const res = await deleteTeamAction({ teamId });
              setResult(res);
              if (res.ok) router.push("/teams");
            });
          }}
        >
          {t("delete")}
        </Button>
      </div>
      <FormMessage message={result?.ok ? t("saved") : errors.message(result)} tone={result?.ok ? "success" : "error"} />
    </section>
  );
}
