// The Content-Security-Policy values, in one place so the tests can check them.

/**
 * Pages: scripts only with this response's nonce (and what they load: 'strict-dynamic').
 * Styles allow inline attributes (React `style={…}`, charts); styles cannot run code.
 */
export function pageCsp(nonce: string, { dev = false }: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // Slide photos and diagrams linked in notes live on other https hosts. Loading them (with
    // no referrer, see the Markdown renderer) is a deliberate choice over an image proxy, which
    // would make this server fetch any URL a member writes (request forgery into our network).
    "img-src 'self' blob: data: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** API responses (JSON, ICS, exports) never render as a document that may run anything. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
