// The write-up parser and exporter, run off the server's main thread with a time limit (see
// lib/security/bounded-worker.ts). Everything that turns user Markdown into a plan or a post on the
// server goes through here: the import page, its HTTP route, the CLIs and the export pages, and the
// service tags suggested for imported notes.
import { createHash } from "node:crypto";
import { Worker } from "node:worker_threads";
import type { MatcherService } from "@/lib/catalog/service-matcher";
import { createBoundedWorker, TaskBusyError, TaskFailedError, TaskTooCostlyError } from "@/lib/security/bounded-worker";
import type { WriteupExportInput, WriteupExportSingleNote } from "./export";
import {
  WriteupError,
  WRITEUP_TIME_LIMIT_MS,
  type ParseWriteupOptions,
  type WriteupErrorCode,
  type WriteupPlan,
} from "./types";

const pool = createBoundedWorker(
  {
    spawn: () =>
      new Worker(new URL("./worker.ts", import.meta.url), {
        resourceLimits: { maxOldGenerationSizeMb: 512, stackSizeMb: 4 },
      }),
    sourceUrl: import.meta.url.replace(/[^/]*$/, "worker.ts"),
    resourceLimits: { maxOldGenerationSizeMb: 512, stackSizeMb: 4 },
  },
  { timeLimitMs: WRITEUP_TIME_LIMIT_MS, maxQueued: 8, maxWaitMs: 30_000 },
);

const WRITEUP_CODES = new Set<WriteupErrorCode>([
  "INVALID_FRONT_MATTER",
  "NOT_TEXT",
  "TOO_LARGE",
  "INVALID_UTF8",
  "EMPTY",
  "TOO_COMPLEX",
  "BUSY",
]);

function tooComplex(what: string): WriteupError {
  return new WriteupError(
    "TOO_COMPLEX",
    `The ${what} is too complex to read in ${WRITEUP_TIME_LIMIT_MS / 1000} seconds (deeply nested or very many unclosed links or emphasis marks). Nothing was changed.`,
  );
}

/** The worker's errors as the caller's: WriteupErrors keep their code; a stopped job is TOO_COMPLEX. */
function translate(e: unknown, what: string): unknown {
  if (e instanceof TaskTooCostlyError) return tooComplex(what);
  if (e instanceof TaskBusyError)
    return new WriteupError("BUSY", "Other write-ups are being read right now; try again in a minute.");
  if (e instanceof TaskFailedError) {
    if (e.errorName === "WriteupError" && WRITEUP_CODES.has(e.code as WriteupErrorCode))
      return new WriteupError(e.code as WriteupErrorCode, e.message);
    if (e.errorName === "RangeError") return tooComplex(what); // nesting deeper than the stack
    return new Error(`${e.errorName}: ${e.message}`);
  }
  return e;
}

/** parseWriteup (lib/writeup/parse.ts) in the worker. The text is decoded and checked first, here. */
export async function parseWriteupOffThread(source: string, options: ParseWriteupOptions = {}): Promise<WriteupPlan> {
  try {
    return await pool.run<WriteupPlan>("parseWriteup", { source, options });
  } catch (e) {
    throw translate(e, "write-up");
  }
}

/** exportWriteup (lib/writeup/export.ts) in the worker: each note's Markdown is parsed to place its headings. */
export async function exportWriteupOffThread(input: WriteupExportInput): Promise<string> {
  try {
    return await pool.run<string>("exportWriteup", input);
  } catch (e) {
    throw translate(e, "notes' Markdown");
  }
}

/** exportNoteMarkdown (lib/writeup/export.ts) in the worker. */
export async function exportNoteMarkdownOffThread(note: WriteupExportSingleNote): Promise<string> {
  try {
    return await pool.run<string>("exportNoteMarkdown", note);
  } catch (e) {
    throw translate(e, "note's Markdown");
  }
}

export type FoundMention = { slug: string; matched: string[] };

/** For each text (Markdown: code is skipped), the catalog services it mentions, in order of first mention, with the words that named them. */
export function mentionFinder(catalog: MatcherService[]): (texts: string[]) => Promise<FoundMention[][]> {
  const catalogKey = createHash("sha1").update(JSON.stringify(catalog)).digest("hex");
  return async (texts) => {
    if (texts.length === 0) return [];
    try {
      return await pool.run<FoundMention[][]>("findMentions", { catalogKey, catalog, texts });
    } catch (e) {
      throw translate(e, "text");
    }
  };
}
