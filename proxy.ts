// Next 16 proxy (the former middleware), for pages and server actions (API routes and build assets
// do not pass through here: next.config.js gives them static headers, lib/http.ts `route` checks them).
// - A fresh CSP nonce for every page request. Next reads the nonce from the request's
//   Content-Security-Policy header and puts it on its own inline scripts, so no inline script runs
//   without it (no 'unsafe-inline' for scripts).
// - A path whose percent-encoding is broken is a 400 here; Next would answer it with a bare 500.
// - Server action calls are checked before Next handles them, which answers every refusal with a
//   500: a foreign Origin (403), a body over the limit (413) and a malformed body (400).
import { NextResponse, type NextRequest } from "next/server";
import { pageCsp } from "./lib/security/csp";
import { crossSiteReason } from "./lib/security/same-origin";
import { SERVER_ACTION_BODY_LIMIT } from "./lib/security/limits";

function refuse(status: number, message: string, csp: string): NextResponse {
  return new NextResponse(message, {
    status,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Security-Policy": csp,
      "Cache-Control": "no-store",
    },
  });
}

function hasValidPercentEncoding(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** Why a server action call is refused (status, message), or null when Next may run it. */
async function checkServerAction(request: NextRequest): Promise<[number, string] | null> {
  if (crossSiteReason(request.headers)) return [403, "Cross-site requests are refused."];
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > SERVER_ACTION_BODY_LIMIT) return [413, "The request is too large."];
  // Next buffers the body for the proxy (and the action) only up to proxyClientMaxBodySize (the
  // same limit, next.config.js) and drops the rest as it arrives: a chunked body over the limit is
  // cut short, so it fails the format check below (or, cut at a value's end, is a body within it).
  const body = await request.clone().arrayBuffer();
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type === "multipart/form-data" || type === "application/x-www-form-urlencoded") {
    try {
      await request.clone().formData();
      return null;
    } catch {
      return [400, "The request is malformed."];
    }
  }
  if (type === "text/plain" || type === "") {
    try {
      JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
      return null;
    } catch {
      return [400, "The request is malformed."];
    }
  }
  return [415, "Unsupported content type."];
}

export async function proxy(request: NextRequest) {
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const csp = pageCsp(nonce, { dev: process.env.NODE_ENV === "development" });
  if (!hasValidPercentEncoding(request.nextUrl.pathname)) return refuse(400, "The address is malformed.", csp);
  // API paths come here only when they hold a percent sign (the second matcher), for the check above.
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();
  if (request.method === "POST" && request.headers.has("next-action")) {
    const refusal = await checkServerAction(request);
    if (refusal) return refuse(refusal[0], refusal[1], csp);
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not the API, not build output, not files in public/ (sw.js, icon.svg, …).
      source: "/((?!api/|_next/static|_next/image|favicon\\.ico|.*\\.[a-zA-Z0-9]+$).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    // API paths with percent-encoding, for the check on it only (no body is buffered for the rest).
    { source: "/api/(.*%.*)" },
  ],
};
