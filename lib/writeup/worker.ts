// Worker-thread entry for the write-up work on user text (see lib/writeup/off-thread.ts): parsing a
// post into a plan, rendering an event's notes into a post (both run micromark), and finding the AWS
// services a text mentions (a regex over up to a megabyte).
import { parentPort } from "node:worker_threads";
import { proseForMentions } from "@/lib/catalog/mention-context";
import { createServiceMatcher, type MatcherService, type ServiceMatcher } from "@/lib/catalog/service-matcher";
import { serveTasks } from "@/lib/security/bounded-worker";
import { exportNoteMarkdown, exportWriteup, type WriteupExportInput, type WriteupExportSingleNote } from "./export";
import { parseWriteup } from "./parse";
import type { ParseWriteupOptions } from "./types";

// The catalog changes rarely: its matcher is built once per catalog version, not per request.
let matcher: { key: string; matcher: ServiceMatcher } | null = null;

export type MentionsInput = { catalogKey: string; catalog: MatcherService[]; texts: string[] };

if (parentPort) {
  serveTasks(parentPort, {
    parseWriteup: ({ source, options }: { source: string; options: ParseWriteupOptions }) =>
      parseWriteup(source, options),
    exportWriteup: (input: WriteupExportInput) => exportWriteup(input),
    exportNoteMarkdown: (note: WriteupExportSingleNote) => exportNoteMarkdown(note),
    findMentions: ({ catalogKey, catalog, texts }: MentionsInput) => {
      if (matcher?.key !== catalogKey) matcher = { key: catalogKey, matcher: createServiceMatcher(catalog) };
      // Markdown: code blocks are not prose ("lambda x: x+1", "aws s3 sync").
      return texts.map((text) =>
        matcher!.matcher.findMentions(proseForMentions(text)).map((m) => ({ slug: m.slug, matched: m.matched })),
      );
    },
  });
}
