"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { deleteEventAction } from "@/lib/actions/agenda-admin";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useErrorText } from "@/components/use-error-text";

export function DeleteEventButton({ eventId, name, noteCount }: { eventId: string; name: string; noteCount: number }) {
  const t = useTranslations("admin");
  const router = useRouter();
  const errors = useErrorText();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex items-center gap-2">
      <Button
        variant="danger"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(t("confirmDeleteEvent", { name, count: noteCount }))) return;
          startTransition(async () => {
            const res = await deleteEventAction({ id: eventId, confirm: true });
            setMessage(errors.message(res));
            if (res.ok) router.push("/admin/events");
          });
        }}
      >
        {t("deleteEvent")}
      </Button>
      <FormMessage message={message} />
    </div>
  );
}
