// Redirect targets from the query string (?callbackUrl=) may only lead back into this site.
// The value is parsed the way a browser parses it (WHATWG URL: TAB and newlines removed, "\" read
// as "/" …) and the origin compared, instead of matching the string: "/\t/evil.example" passes any
// "starts with / but not //" test, and a browser turns it into //evil.example.

/** Stands for "this site" while parsing relative targets; never shown or requested. */
const HOME = "http://summit-notes.invalid";
const MAX_LENGTH = 2048;

/**
 * The same-site path (path + query + fragment) that `value` leads to, or `fallback`. Absolute
 * URLs are accepted only on `ownOrigin` (next-auth passes its base URL).
 */
export function safeCallbackUrl(value: unknown, fallback = "/events", ownOrigin?: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return fallback;
  let target: URL;
  try {
    target = new URL(value, HOME);
  } catch {
    return fallback;
  }
  const allowed = target.origin === HOME || (ownOrigin !== undefined && target.origin === originOf(ownOrigin));
  if (!allowed) return fallback;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // "/.//evil.example" normalises to the path "//evil.example", which a browser reads as another host.
  if (!path.startsWith("/") || path.startsWith("//")) return fallback;
  return path;
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
