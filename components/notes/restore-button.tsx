"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { restoreRevisionAction } from "@/lib/actions/notes";
import { newOpId } from "@/lib/notes/local-drafts";

export function RestoreButton({
  noteId,
  revisionId,
  version,
}: {
  noteId: string;
  revisionId: string;
  version: number;
}) {
  const t = useTranslations("notes");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      aria-label={`${t("restore")} (${t("version", { version })})`}
      className="ml-auto rounded border border-slate-300 px-2 py-1 text-xs font-semibold"
      onClick={() =>
        startTransition(async () => {
          const res = await restoreRevisionAction({ noteId, revisionId, opId: newOpId() });
          if (res.ok) router.refresh();
        })
      }
    >
      {t("restore")}
    </button>
  );
}
