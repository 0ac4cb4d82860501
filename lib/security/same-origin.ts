// Cross-site request forgery: a state-changing request must come from a page of this app.
// Browsers send `Origin` with every POST (and `Sec-Fetch-Site` with every request); a request that
// carries neither is not from a browser (curl, the CLIs' HTTP callers, load generators) and cannot be
// forged by a page, so it passes. Used by every route handler (lib/http.ts `route`) and, for server
// actions, by proxy.ts. No imports: proxy.ts loads it too.
import { AppError } from "../errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

type HeaderSource = { get(name: string): string | null };

/** Forwarding headers count only behind a proxy the operator declared (TRUST_PROXY = hop count). */
function trustsProxy(): boolean {
  return Number(process.env.TRUST_PROXY ?? "0") > 0;
}

/** The hosts (host[:port]) this request may legitimately come from. */
function ownHosts(headers: HeaderSource): Set<string> {
  const hosts = new Set<string>();
  const host = headers.get("host");
  if (host) hosts.add(host.toLowerCase());
  if (trustsProxy()) {
    const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
    if (forwarded) hosts.add(forwarded.toLowerCase());
  }
  const configured = process.env.NEXTAUTH_URL;
  if (configured) {
    try {
      hosts.add(new URL(configured).host.toLowerCase());
    } catch {
      // lib/env.ts refuses a malformed NEXTAUTH_URL at start-up.
    }
  }
  return hosts;
}

/** Why a request is refused as cross-site, or null when it is same-origin (or not from a browser). */
export function crossSiteReason(headers: HeaderSource): string | null {
  const origin = headers.get("origin");
  if (origin !== null) {
    let host: string;
    try {
      host = new URL(origin).host.toLowerCase();
    } catch {
      return "origin"; // "null" (sandboxed frames, file:) or garbage
    }
    return ownHosts(headers).has(host) ? null : "origin";
  }
  const site = headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") return "sec-fetch-site";
  return null;
}

export function assertSameOrigin(headers: HeaderSource): void {
  if (crossSiteReason(headers)) throw new AppError("FORBIDDEN", "cross_site_request");
}
