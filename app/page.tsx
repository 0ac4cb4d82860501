import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DemoAccounts } from "@/components/home/demo-accounts";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: { absolute: "Summit Notes" } };

/** Signed in: straight to the events. A newcomer first reads what the app is for. */
export default async function Home() {
  if (await getCurrentUser()) redirect("/events");
  const t = await getTranslations("home");
  const points = ["agenda", "offline", "teams", "export"] as const;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6 py-4">
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-lg text-slate-700">{t("lead")}</p>
      </header>
      <ul className="grid gap-3 sm:grid-cols-2">
        {points.map((p) => (
          <li key={p} className="rounded-xl bg-white p-4 shadow-sm">
            <h2 className="font-semibold">{t(`${p}Title`)}</h2>
            <p className="text-sm text-slate-600">{t(`${p}Body`)}</p>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-3">
        <Link
          href="/events"
          className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
          data-testid="home-events"
        >
          {t("browse")}
        </Link>
        <Link
          href="/sign-up"
          className="rounded-md border border-slate-300 bg-white px-4 py-2 font-semibold hover:bg-slate-100"
        >
          {t("signUp")}
        </Link>
        <Link
          href="/sign-in"
          className="rounded-md border border-slate-300 bg-white px-4 py-2 font-semibold hover:bg-slate-100"
        >
          {t("signIn")}
        </Link>
      </div>
      <DemoAccounts />
    </div>
  );
}
