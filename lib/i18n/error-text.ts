// The one translator from the server's error codes to words in the user's language, for every
// client component that shows an action's or a route's refusal. The server sends codes only
// (AppError's code and a snake_case message code, zod's field codes); the words are in
// lib/i18n/messages/errors.{en,ko}.json. Nothing unknown is shown raw: an unknown message code
// falls back to the words for its AppError code, so no "note_too_large" or English sentence
// reaches a Korean reader.
import type { AppErrorCode } from "../errors";

export type ErrorCode = AppErrorCode | "INTERNAL" | "NETWORK";

/** What an action result or a route's JSON error carries. */
export type ErrorLike = {
  code?: string;
  message?: string;
  error?: string;
  fieldErrors?: Record<string, string[]>;
  details?: Record<string, unknown>;
};

type Translate = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};

const BY_CODE: readonly ErrorCode[] = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "INVALID",
  "CONFLICT",
  "TOO_MANY",
  "TOO_LARGE",
  "UNSUPPORTED_MEDIA",
  "INTERNAL",
  "NETWORK",
];

function valuesOf(details: Record<string, unknown> | undefined): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(details ?? {})) if (typeof v === "string" || typeof v === "number") out[k] = v;
  return out;
}

/** Builds the translator on a next-intl translator of the "appErrors" namespace. */
export function errorText(t: Translate) {
  const known = (code: string | undefined): code is string =>
    !!code && /^[a-z][a-z_]*$/.test(code) && t.has(`codes.${code}`);
  const byCode = (code: string | undefined) => t(`byCode.${BY_CODE.includes(code as ErrorCode) ? code : "INTERNAL"}`);

  /** One code (a field's or a message's) in words; `fallback` is the AppError code to use when it is unknown. */
  function code(value: string | undefined, details?: Record<string, unknown>, fallback?: string): string {
    return known(value) ? t(`codes.${value}`, valuesOf(details)) : byCode(fallback ?? "INVALID");
  }

  return {
    code,
    /** The form-level message of a refusal, or null when there is none (ok, or nothing yet). */
    message(res: ({ ok: true } | ({ ok: false } & ErrorLike)) | ErrorLike | null | undefined): string | null {
      if (!res || ("ok" in res && res.ok)) return null;
      const e = res as ErrorLike;
      const messageCode = e.message ?? e.error;
      // An overlap is explained by the form message that names the clash.
      if (e.fieldErrors && Object.values(e.fieldErrors).flat().includes("overlaps") && e.details)
        return code("overlaps", e.details);
      if (known(messageCode) && messageCode !== "invalid_input") return code(messageCode, e.details);
      if (e.code === "INVALID" && e.fieldErrors && Object.keys(e.fieldErrors).length) return t("fixFields");
      return byCode(e.code);
    },
    /** Field codes → words, per field (the "overlaps" code is left to `message`). */
    fieldErrors(
      res: ({ ok: true } | ({ ok: false } & ErrorLike)) | ErrorLike | null | undefined,
    ): Record<string, string[]> {
      if (!res || ("ok" in res && res.ok)) return {};
      const e = res as ErrorLike;
      const entries = Object.entries(e.fieldErrors ?? {}).map(
        ([k, codes]) => [k, codes.filter((c) => c !== "overlaps").map((c) => code(c, e.details))] as const,
      );
      return Object.fromEntries(entries.filter(([, msgs]) => msgs.length));
    },
  };
}
