import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { UserTable } from "@/components/admin/user-table";
import { requireAdminPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listUsers } from "@/lib/data/admin-users";
import { listUsersQuery } from "@/lib/validations/admin-users";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const admin = await requireAdminPage("/admin/users");
  const parsed = listUsersQuery.safeParse({ q: (await searchParams).q });
  const q = parsed.success ? parsed.data.q : undefined;
  const [users, t] = await Promise.all([listUsers(db, admin.id, q), getTranslations("adminUsers")]);
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Admin" className="flex gap-3 text-sm">
        <Link href="/admin/events" className="text-brand-700 underline">
          {t("tabEvents")}
        </Link>
        <span aria-current="page" className="font-semibold">
          {t("tabUsers")}
        </span>
      </nav>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <form method="get" role="search" className="flex gap-2">
        <label htmlFor="user-q" className="sr-only">
          {t("search")}
        </label>
        <input
          id="user-q"
          name="q"
          defaultValue={q ?? ""}
          placeholder={t("search")}
          className="min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-2"
        />
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-semibold">
          {t("search")}
        </button>
      </form>
      <UserTable
        myId={admin.id}
        users={users.map((u) => ({
          id: u.id,
          name: u.name,
          email: u.email,
          role: u.role,
          disabled: !!u.disabledAt,
          noteCount: u.noteCount,
          teamCount: u.teamCount,
        }))}
      />
    </div>
  );
}
