import createNextIntlPlugin from "next-intl/plugin";

const SERVER_ACTION_BODY_LIMIT = 1024 * 1024;

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // A second checkout-local build (e.g. a parallel Playwright run) can use its own directory.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm test` type-checks the whole project once (tsc); the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // Keep in step with lib/security/limits.ts (a test compares them). Past the second limit Next
    // stops buffering a body for the proxy and the page (the rest is read and dropped).
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT },
    proxyClientMaxBodySize: SERVER_ACTION_BODY_LIMIT,
  },
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "pg",
    "@prisma/adapter-pg",
    "@node-rs/argon2",
  ],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
      {
        // HSTS only over https: Next sets x-forwarded-proto from the socket (or keeps a proxy's). A
        // client claiming https over plain http only gets a header browsers ignore on http.
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }],
      },
      {
        // Pages get a per-request nonce CSP from proxy.ts; API responses a deny-all one.
        source: "/api/:path*",
        headers: [
          {
            key: "Content-Security-Policy",
            value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
          },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
