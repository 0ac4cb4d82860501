/** Only same-site paths may be redirect targets (no open redirect through ?callbackUrl=). */
export function safeCallbackUrl(value: unknown, fallback = "/events"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
