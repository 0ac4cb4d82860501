import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AgendaImporter } from "@/components/admin/agenda-importer";
import { requireAdminPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listEvents } from "@/lib/data/events";

export const metadata: Metadata = { title: "Import a schedule" };

export default async function ImportAgendaPage() {
  await requireAdminPage("/admin/events/import");
  const [events, t] = await Promise.all([listEvents(db), getTranslations("agendaImport")]);
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("hint")}</p>
      <AgendaImporter events={events.map((e) => ({ slug: e.slug, name: e.name }))} />
    </>
  );
}
