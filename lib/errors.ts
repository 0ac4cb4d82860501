// One typed error for the data layer; the edges (actions, routes, pages) translate its code.
export type AppErrorCode =
  | "UNAUTHENTICATED" // 401
  | "FORBIDDEN" // 403
  | "NOT_FOUND" // 404 (also used to hide what a user may not see)
  | "INVALID" // 422
  | "CONFLICT" // 409
  | "TOO_MANY" // 429
  | "TOO_LARGE" // 413
  | "UNSUPPORTED_MEDIA"; // 415

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID: 422,
  CONFLICT: 409,
  TOO_MANY: 429,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA: 415,
};

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Prisma's unique-constraint violation. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}
