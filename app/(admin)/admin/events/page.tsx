import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EventForm } from "@/components/admin/event-form";
import { requireAdminPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listEvents } from "@/lib/data/events";

export const metadata: Metadata = { title: "Manage events" };

export default async function AdminEventsPage() {
  await requireAdminPage("/admin/events");
  const [events, t, tc, tu] = await Promise.all([
    listEvents(db),
    getTranslations("admin"),
    getTranslations("common"),
    getTranslations("adminUsers"),
  ]);
  return (
    <>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{t("events")}</h1>
        <Link href="/admin/users" className="text-sm text-brand-700 underline">
          {tu("tabUsers")}
        </Link>
        <Link
          href="/admin/events/import"
          className="ml-auto rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold"
        >
          {t("import")}
        </Link>
      </div>
      <ul className="flex flex-col divide-y divide-slate-200 rounded-xl bg-white shadow-sm">
        {events.map((e) => (
          <li key={e.id} className="flex flex-wrap items-center gap-3 p-3">
            <Link href={`/admin/events/${e.slug}`} className="font-semibold text-brand-700 underline">
              {e.name}
            </Link>
            <span className="text-xs text-slate-600">{tc("talks", { count: e.talkCount })}</span>
          </li>
        ))}
      </ul>
      <section aria-labelledby="new-event" className="flex flex-col gap-3 rounded-xl bg-white p-4 shadow-sm">
        <h2 id="new-event" className="text-lg font-semibold">
          {t("newEvent")}
        </h2>
        <EventForm />
      </section>
    </>
  );
}
