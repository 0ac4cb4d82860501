// Helpers for e2e/attacks/auth.spec.ts: a client with its own network address, and the auth calls.
//
// The throttles count per client address. Every e2e spec reaches the server from 127.0.0.1 / ::1,
// so a test that trips a limit from there would lock the rest of the suite out. Here each test
// gets its own loopback address (127.0.12.x): a tiny forward proxy opens its connections to the
// app from that address, so the app sees a different client, exactly as it would for another
// machine. The proxy forwards requests untouched (it adds no X-Forwarded-For): it models the
// client's own connection, not a reverse proxy. Both Playwright's `request` and browser contexts
// take it as their `proxy`.
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, request, type APIRequestContext } from "@playwright/test";

export type AddressProxy = { server: string; address: string; close: () => Promise<void> };

/** A forward proxy whose connections to `target` come from `localAddress` (any 127.x.y.z works on Linux). */
export async function startAddressProxy(target: string, localAddress: string): Promise<AddressProxy> {
  const app = new URL(target);
  const agent = new http.Agent({ keepAlive: true, localAddress });
  const host = app.hostname === "localhost" ? "127.0.0.1" : app.hostname;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", target); // absolute-form from a proxy client (Chromium)
    if (url.host !== app.host) {
      // Anything but the app is "off-site": the open-redirect tests must see a browser leave.
      res.writeHead(502, { "content-type": "text/plain" });
      res.end(`address proxy: ${url.host} is off-site`);
      return;
    }
    const upstream = http.request(
      { host, port: app.port, method: req.method, path: url.pathname + url.search, headers: req.headers, agent },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.rawHeaders);
        up.pipe(res);
      },
    );
    upstream.on("error", (e) => {
      res.writeHead(502, { "content-type": "text/plain" });
      res.end(`address proxy: ${e.message}`);
    });
    req.pipe(upstream);
  });
  // CONNECT tunnels (Playwright's request contexts use them for http:// too).
  const tunnels = new Set<net.Socket>();
  server.on("connect", (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    if (req.url !== `${app.hostname}:${app.port}`) {
      client.end("HTTP/1.1 502 Bad Gateway\r\n\r\n");
      return;
    }
    const upstream = net.connect({ host, port: Number(app.port), localAddress }, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const s of [client, upstream]) {
      tunnels.add(s);
      s.on("close", () => tunnels.delete(s));
      s.on("error", () => (s === upstream ? client : upstream).destroy());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    server: `http://127.0.0.1:${port}`,
    address: localAddress,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        for (const t of tunnels) t.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A Playwright request context that reaches the app from `proxy.address`. */
export function clientFrom(
  baseURL: string,
  proxy: AddressProxy,
  extraHTTPHeaders?: Record<string, string>,
): Promise<APIRequestContext> {
  return request.newContext({ baseURL, proxy: { server: proxy.server }, extraHTTPHeaders });
}

export type SignInAnswer = { ok: boolean; error: string | null; status: number };

// One CSRF token per context: simultaneous first calls would each get a new cookie and a token
// that no longer matches it.
const csrfTokens = new WeakMap<APIRequestContext, Promise<string>>();
function csrf(ctx: APIRequestContext): Promise<string> {
  let token = csrfTokens.get(ctx);
  if (!token) {
    token = ctx.get("/api/auth/csrf").then(async (r) => ((await r.json()) as { csrfToken: string }).csrfToken);
    csrfTokens.set(ctx, token);
  }
  return token;
}

/** POST to next-auth's credentials callback the way the sign-in form does; `error` is next-auth's code. */
export async function signInOver(
  ctx: APIRequestContext,
  email: string,
  password: string,
  opts: { headers?: Record<string, string>; callbackUrl?: string } = {},
): Promise<SignInAnswer & { url: string }> {
  const csrfToken = await csrf(ctx);
  const res = await ctx.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true", callbackUrl: opts.callbackUrl ?? "/events" },
    headers: opts.headers,
    maxRedirects: 0,
  });
  expect(res.status(), "sign-in must never be a server error").toBeLessThan(500);
  const body = (await res.json().catch(() => ({}))) as { url?: string };
  const url = body.url ?? "";
  expect(url, "next-auth answered with a URL (a CSRF failure has none)").not.toContain("csrf=true");
  const error = url ? new URL(url, "http://x").searchParams.get("error") : null;
  return { ok: !error && res.status() < 400, error, status: res.status(), url };
}

export async function signOutOver(ctx: APIRequestContext) {
  const csrfToken = await csrf(ctx);
  const res = await ctx.post("/api/auth/signout", {
    form: { csrfToken, json: "true", callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(res.status()).toBeLessThan(400);
}

/** The session cookie(s) of a context, as a Cookie header value. */
export async function sessionCookie(ctx: APIRequestContext): Promise<string> {
  const { cookies } = await ctx.storageState();
  const session = cookies.filter((c) => c.name.includes("session-token"));
  expect(session.length, "signed in: a session cookie").toBeGreaterThan(0);
  return session.map((c) => `${c.name}=${c.value}`).join("; ");
}

let manifest: Record<string, { exportedName?: string; filename?: string }> | undefined;

/** The id Next gave a server action in this build (read from the build's manifest). */
export function actionId(file: string, name: string): string {
  manifest ??= (
    JSON.parse(
      readFileSync(
        path.resolve(process.env.NEXT_DIST_DIR || ".next", "server", "server-reference-manifest.json"),
        "utf8",
      ),
    ) as {
      node: Record<string, { exportedName?: string; filename?: string }>;
    }
  ).node;
  const id = Object.entries(manifest).find(
    ([, e]) => e.exportedName === name && e.filename === `lib/actions/${file}.ts`,
  )?.[0];
  if (!id) throw new Error(`no server action ${file}#${name} in the build`);
  return id;
}

export type ActionAnswer = {
  ok: boolean;
  code?: string;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  details?: Record<string, unknown>;
};

/** Calls a server action over HTTP as the browser does, and returns its ActionResult. */
export async function callAction(
  ctx: APIRequestContext,
  baseURL: string,
  file: string,
  name: string,
  ...args: unknown[]
): Promise<ActionAnswer> {
  const res = await ctx.post("/events", {
    headers: {
      "Next-Action": actionId(file, name),
      Accept: "text/x-component",
      "Content-Type": "text/plain;charset=UTF-8",
      Origin: baseURL,
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  const text = await res.text();
  expect(res.status(), `${name}: ${text.slice(0, 300)}`).toBeLessThan(500);
  const line = text.split("\n").find((l) => l.includes('"ok":'));
  if (!line) throw new Error(`${name}: no action result in ${res.status()} ${text.slice(0, 300)}`);
  return JSON.parse(line.slice(line.indexOf(":") + 1)) as ActionAnswer;
}
