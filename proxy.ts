// Next 16 proxy (the former middleware): a fresh CSP nonce for every page request. Next reads the
// nonce from the request's Content-Security-Policy header and puts it on its own inline scripts,
// so no inline script runs without it (no 'unsafe-inline' for scripts). API routes and build
// assets do not pass through here: next.config.js gives them static headers.
import { NextResponse, type NextRequest } from "next/server";
import { pageCsp } from "./lib/security/csp";

export function proxy(request: NextRequest) {
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const csp = pageCsp(nonce, { dev: process.env.NODE_ENV === "development" });
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
  ],
};
