"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/safe-action";
import { useErrorText } from "@/components/use-error-text";

/** An on/off button backed by two server actions (claim/drop, reviewed/not): refreshes on success, says why on failure. */
export function ActionToggle({
  pressed,
  label,
  run,
  className,
}: {
  pressed: boolean;
  label: ReactNode;
  run: () => Promise<ActionResult<unknown>>;
  className: string;
}) {
  const errors = useErrorText();
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const message = errors.message(result);
  return (
    <span className="flex flex-col gap-1">
      <button
        type="button"
        aria-pressed={pressed}
        disabled={pending}
        className={className}
        onClick={() =>
          startTransition(async () => {
            const res = await run();
            setResult(res);
            if (res.ok) router.refresh();
          })
        }
      >
        {label}
      </button>
      {message ? (
        <span role="alert" className="text-xs text-red-700">
          {message}
        </span>
      ) : null}
    </span>
  );
}
