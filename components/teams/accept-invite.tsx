"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { acceptInviteAction } from "@/lib/actions/teams";
import type { ActionResult } from "@/lib/actions/safe-action";
import { useErrorText } from "@/components/use-error-text";

type Accepted = { team: { id: string; name: string }; role: "OWNER" | "EDITOR" | "VIEWER" };

export function AcceptInvite({ token }: { token: string }) {
  const t = useTranslations("teams");
  const errors = useErrorText();
  const [result, setResult] = useState<ActionResult<Accepted> | null>(null);
  const [pending, startTransition] = useTransition();
  if (result?.ok) {
    return (
      <div className="flex flex-col gap-3">
        <FormMessage
          tone="success"
          message={t("accepted", { team: result.data.team.name, role: t(`roles.${result.data.role}`) })}
        />
        <Link
          href={`/teams/${result.data.team.id}`}
          className="self-start rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white"
        >
          {t("openTeam")}
        </Link>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <Button
        type="button"
        disabled={pending}
        onClick={() => startTransition(async () => setResult(await acceptInviteAction({ token })))}
      >
        {t("accept")}
      </Button>
      <FormMessage message={errors.message(result)} />
    </div>
  );
}
