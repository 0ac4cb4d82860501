import "server-only";
import { z } from "zod";
import { getCurrentUser, type CurrentUser } from "../auth/session";
import { isAppError, type AppErrorCode } from "../errors";

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: AppErrorCode | "INTERNAL";
      message: string;
      fieldErrors?: Record<string, string[]>;
      details?: Record<string, string | number>;
    };

type Handler<I, T, U> = (input: I, ctx: { user: U }) => Promise<T>;

function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Every server action is a public endpoint: authenticate → validate → run, and never throw raw errors. */
async function run<S extends z.ZodType, T, U>(
  schema: S,
  raw: unknown,
  user: U,
  handler: Handler<z.infer<S>, T, U>,
): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    return { ok: false, code: "INVALID", message: "invalid_input", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    return { ok: true, data: await handler(parsed.data, { user }) };
  } catch (e) {
    if (isAppError(e))
      return {
        ok: false,
        code: e.code,
        message: e.message,
        fieldErrors: e.fieldErrors,
        details: e.details as Record<string, string | number> | undefined,
      };
    console.error("[action] unexpected error", e);
    return { ok: false, code: "INTERNAL", message: "internal_error" };
  }
}

export function publicAction<S extends z.ZodType, T>(schema: S, handler: Handler<z.infer<S>, T, CurrentUser | null>) {
  return async (raw: unknown): Promise<ActionResult<T>> => run(schema, raw, await getCurrentUser(), handler);
}

export function userAction<S extends z.ZodType, T>(schema: S, handler: Handler<z.infer<S>, T, CurrentUser>) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, code: "UNAUTHENTICATED", message: "sign_in_required" };
    return run(schema, raw, user, handler);
  };
}

/** Admins only, checked before the input is even parsed: others learn nothing from validation errors. */
export function adminAction<S extends z.ZodType, T>(schema: S, handler: Handler<z.infer<S>, T, CurrentUser>) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, code: "UNAUTHENTICATED", message: "sign_in_required" };
    if (user.role !== "ADMIN") return { ok: false, code: "FORBIDDEN", message: "admin_only" };
    return run(schema, raw, user, handler);
  };
}
