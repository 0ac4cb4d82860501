"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { submitWith } from "@/components/ui/submit-with";
import { createTeamAction } from "@/lib/actions/teams";
import type { ActionResult } from "@/lib/actions/safe-action";
import { useErrorText } from "@/components/use-error-text";

export function CreateTeamForm() {
  const t = useTranslations("teams");
  const errors = useErrorText();
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      aria-label={t("create")}
      noValidate
      className="flex flex-wrap items-end gap-2 rounded-xl bg-white p-4 shadow-sm"
      onSubmit={submitWith((form) =>
        startTransition(async () => {
          const res = await createTeamAction({ name: String(form.get("name") ?? "") });
          setResult(res);
          if (res.ok) router.push(`/teams/${res.data.id}`);
        }),
      )}
    >
      <label className="flex min-w-[12rem] flex-1 flex-col text-sm font-medium" htmlFor="team-name">
        {t("name")}
        <input
          id="team-name"
          name="name"
          required
          maxLength={80}
          className="rounded-md border border-slate-300 px-3 py-2"
          aria-invalid={!!result && !result.ok}
        />
      </label>
      <Button type="submit" disabled={pending}>
        {t("create")}
      </Button>
      <div className="w-full">
        <FormMessage message={errors.message(result)} />
      </div>
    </form>
  );
}
