import "server-only";
import type { z } from "zod";
import { AppError, HTTP_STATUS, isAppError } from "./errors";
import { assertSameOrigin, isSafeMethod } from "./security/same-origin";

/**
 * Reads a request body, stopping at `maxBytes`: a declared Content-Length over the limit is refused
 * before anything is read, and a chunked body is cancelled as soon as it passes the limit (the
 * server never holds more than `maxBytes` + one chunk of it).
 */
export async function readBodyBytes(
  req: Request,
  maxBytes: number,
  tooLarge: (bytes: number) => AppError = () => new AppError("TOO_LARGE", "body_too_large"),
): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(declared);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(total);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** Strict UTF-8: invalid bytes are refused, not replaced. */
export function decodeUtf8(bytes: Uint8Array, message = "invalid_utf8"): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("INVALID", message);
  }
}

// A UTF-16 surrogate without its partner: valid in JSON ("\ud800"), but not text any database stores.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Keys that reach Object.prototype (or a constructor) when code later copies the parsed object.
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** The media type without parameters, lower-case ("application/json; charset=utf-8" → "application/json"). */
export function mediaType(req: Request): string {
  return (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
}

// What a cross-site <form> or a no-preflight fetch can send: never accepted by a route that changes data.
const CORS_SIMPLE_TYPES = new Set(["", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]);

/** A file upload route: any declared type but the ones a cross-site form can send without a preflight. */
export function assertUploadType(req: Request): void {
  if (CORS_SIMPLE_TYPES.has(mediaType(req))) throw new AppError("UNSUPPORTED_MEDIA", "upload_content_type");
}

/**
 * Reads a JSON body: `Content-Type: application/json` (a cross-site page cannot send that without a
 * CORS preflight, which nothing here answers), a size cap, strict UTF-8, no lone surrogates, and no
 * `__proto__`/`constructor`/`prototype` keys.
 */
export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  if (mediaType(req) !== "application/json") throw new AppError("UNSUPPORTED_MEDIA", "json_content_type");
  const text = decodeUtf8(await readBodyBytes(req, maxBytes));
  let badKey: string | null = null;
  let value: unknown;
  try {
    value = JSON.parse(text, function (key, v: unknown) {
      if (PROTOTYPE_KEYS.has(key)) badKey ??= key;
      if (typeof v === "string" && LONE_SURROGATE.test(v)) badKey ??= "lone_surrogate";
      return v;
    });
  } catch {
    throw new AppError("INVALID", "invalid_json");
  }
  if (badKey === "lone_surrogate") throw new AppError("INVALID", "invalid_unicode");
  if (badKey) throw new AppError("INVALID", "invalid_json_key");
  return value;
}

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
  const tooLarge = parsed.error.issues.some((i) => i.message.endsWith("_too_large"));
  throw new AppError(tooLarge ? "TOO_LARGE" : "INVALID", tooLarge ? "too_large" : "invalid_input", fieldErrors);
}

/**
 * Every route handler: a state-changing method must come from this origin (no cross-site request
 * forgery); AppErrors become their status with a JSON message; anything else a logged 500 without details.
 */
export function route<C>(handler: (req: Request, ctx: C) => Promise<Response>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    try {
      if (!isSafeMethod(req.method)) assertSameOrigin(req.headers);
      return await handler(req, ctx);
    } catch (e) {
      if (isAppError(e))
        return Response.json(
          { error: e.message, code: e.code, fieldErrors: e.fieldErrors, details: e.details },
          { status: HTTP_STATUS[e.code] },
        );
      console.error("[route] unexpected error", e);
      return Response.json(
        { error: "Something went wrong on our side. Nothing was changed.", code: "INTERNAL" },
        { status: 500 },
      );
    }
  };
}
