import "server-only";
import type { z } from "zod";
import { AppError, HTTP_STATUS, isAppError } from "./errors";

/** Reads a JSON body with a size cap and strict UTF-8 (invalid bytes are refused, not replaced). */
export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("TOO_LARGE", "body_too_large");
  const bytes = new Uint8Array(await req.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw new AppError("TOO_LARGE", "body_too_large");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("INVALID", "invalid_utf8");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID", "invalid_json");
  }
}

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
  const tooLarge = parsed.error.issues.some((i) => i.message.endsWith("_too_large"));
  throw new AppError(tooLarge ? "TOO_LARGE" : "INVALID", tooLarge ? "too_large" : "invalid_input", fieldErrors);
}

/** Every route handler: AppErrors become their status with a JSON message; anything else a logged 500 without details. */
export function route<C>(handler: (req: Request, ctx: C) => Promise<Response>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    try {
      return await handler(req, ctx);
    } catch (e) {
      if (isAppError(e)) return Response.json({ error: e.message, code: e.code, fieldErrors: e.fieldErrors, details: e.details }, { status: HTTP_STATUS[e.code] });
      console.error("[route] unexpected error", e);
      return Response.json({ error: "Something went wrong on our side. Nothing was changed.", code: "INTERNAL" }, { status: 500 });
    }
  };
}
