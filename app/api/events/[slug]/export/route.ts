import { exportFrabXml, exportIcs, exportPretalxJson } from "@/lib/agenda/export";
import { db } from "@/lib/db";
import { loadAgendaSnapshotBySlug } from "@/lib/data/agenda-import";
import { AppError } from "@/lib/errors";
import { parseOrThrow, route } from "@/lib/http";
import { agendaExportInput } from "@/lib/validations/agenda";

export const dynamic = "force-dynamic";

const TYPES = {
  xml: "application/xml; charset=utf-8",
  json: "application/json; charset=utf-8",
  ics: "text/calendar; charset=utf-8",
} as const;

/**
 * Agendas are public: anyone may export one as frab XML, schedule JSON (both valid against the
 * c3voc validators) or iCalendar. Talk urls in the files point at this server's pages.
 */
export const GET = route(async (req: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug, format } = parseOrThrow(agendaExportInput, {
    slug: (await params).slug,
    format: new URL(req.url).searchParams.get("format") ?? "xml",
  });
  const agenda = await loadAgendaSnapshotBySlug(db, slug);
  if (!agenda) throw new AppError("NOT_FOUND", "event_not_found");
  const options = { baseUrl: new URL(req.url).origin };
  const body =
    format === "xml"
      ? exportFrabXml(agenda, options)
      : format === "json"
        ? exportPretalxJson(agenda, options)
        : exportIcs(agenda, { name: agenda.event.name });
  return new Response(body, {
    headers: { "Content-Type": TYPES[format], "Content-Disposition": `attachment; filename="${slug}.${format}"` },
  });
});
