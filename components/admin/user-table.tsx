"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { useErrorText } from "@/components/use-error-text";
import { setUserDisabledAction, setUserRoleAction } from "@/lib/actions/admin-users";
import type { ActionResult } from "@/lib/actions/safe-action";

export type UserRow = {
  id: string;
  name: string;
  email: string;
  role: "ADMIN" | "MEMBER";
  disabled: boolean;
  noteCount: number;
  teamCount: number;
};

export function UserTable({ users, myId }: { users: UserRow[]; myId: string }) {
  const t = useTranslations("adminUsers");
  const errors = useErrorText();
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (call: () => Promise<ActionResult<unknown>>) =>
    startTransition(async () => {
      const res = await call();
      setResult(res);
      if (res.ok) router.refresh();
    });
  if (!users.length)
    return <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">{t("empty")}</p>;
  return (
    <div className="flex flex-col gap-2">
      <FormMessage message={result?.ok ? t("done") : errors.message(result)} tone={result?.ok ? "success" : "error"} />
      <div className="overflow-x-auto rounded-xl bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t("name")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("email")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("role")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("status")}
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                {t("notes")}
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                {t("teams")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("actions")}
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => {
              const self = u.id === myId;
              return (
                <tr
                  key={u.id}
                  className="border-b border-slate-100 last:border-0"
                  data-testid="user-row"
                  data-email={u.email}
                >
                  <th scope="row" className="px-3 py-2 font-medium">
                    {u.name} {self ? <span className="text-xs text-slate-500">({t("you")})</span> : null}
                  </th>
                  <td className="px-3 py-2 font-mono text-xs">{u.email}</td>
                  <td className="px-3 py-2">{t(u.role)}</td>
                  <td className="px-3 py-2">
                    <span
                      className={`rounded-full px-2 py-0.5 text-xs font-semibold ${u.disabled ? "bg-red-100 text-red-800" : "bg-green-100 text-green-800"}`}
                      data-testid="user-status"
                    >
                      {u.disabled ? t("disabled") : t("active")}
                    </span>
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{u.noteCount}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{u.teamCount}</td>
                  <td className="px-3 py-2">
                    {self ? null : (
                      <span className="flex flex-wrap gap-2">
                        <button
                          type="button"
                          disabled={pending}
                          className="rounded border border-slate-300 px-2 py-1 text-xs font-semibold hover:bg-slate-100"
                          onClick={() =>
                            run(() =>
                              setUserRoleAction({ userId: u.id, role: u.role === "ADMIN" ? "MEMBER" : "ADMIN" }),
                            )
                          }
                        >
                          {u.role === "ADMIN" ? t("makeMember") : t("makeAdmin")}{" "}
                          <span className="sr-only">{u.name}</span>
                        </button>
                        <button
                          type="button"
                          disabled={pending}
                          className={`rounded px-2 py-1 text-xs font-semibold ${u.disabled ? "border border-slate-300 hover:bg-slate-100" : "bg-red-600 text-white hover:bg-red-700"}`}
                          onClick={() => {
                            if (!u.disabled && !window.confirm(t("disableConfirm", { name: u.name }))) return;
                            run(() => setUserDisabledAction({ userId: u.id, disabled: !u.disabled }));
                          }}
                        >
                          {u.disabled ? t("enable") : t("disable")} <span className="sr-only">{u.name}</span>
                        </button>
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
