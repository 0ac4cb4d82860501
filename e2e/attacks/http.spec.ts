// Attack corpus, HTTP edge: cross-site request forgery on JSON and upload routes and on
// server actions, bodies that never end, lone surrogates, broken percent-encoding, malformed and
// oversized server action bodies, HSTS over plain http, the image policy. Each case failed on the
// code before the fix (a 500, a write that went through, or a body read whole).
import http from "node:http";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { hashPassword } from "../../lib/auth/password";
import { e2eDb } from "../db";
import { STRONG_PASSWORD } from "../helpers";

const db = e2eDb();
const FOREIGN = "https://evil.example";

async function signedIn(
  baseURL: string,
  role: "MEMBER" | "ADMIN" = "MEMBER",
): Promise<{ ctx: APIRequestContext; userId: string; cookie: string }> {
  const email = `attacker-${randomBytes(4).toString("hex")}@attacks.test`;
  const user = await db.user.create({
    data: { email, name: "Attacker", passwordHash: await hashPassword(STRONG_PASSWORD), role },
  });
  const ctx = await request.newContext({ baseURL });
  const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await ctx.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: STRONG_PASSWORD, json: "true", callbackUrl: baseURL },
  });
  expect(res.status()).toBeLessThan(400);
  const { cookies } = await ctx.storageState();
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  return { ctx, userId: user.id, cookie };
}

async function demoTalk() {
  const event = await db.event.findFirstOrThrow({
    where: { slug: "aws-summit-seoul-2016" },
    include: { talks: { take: 1, orderBy: { startsAt: "asc" } } },
  });
  return { eventId: event.id, talkId: event.talks[0].id };
}

function saveBody(ids: { eventId: string; talkId: string }, body: string, baseVersion = 0) {
  return {
    opId: `attack-${randomBytes(6).toString("hex")}`,
    eventId: ids.eventId,
    talkId: ids.talkId,
    baseVersion,
    body,
  };
}

function actionId(name: string): string {
  const dist = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(readFileSync(path.resolve(dist, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, e]) => e.exportedName === name)?.[0];
  if (!id) throw new Error(`no server action ${name} in the build`);
  return id;
}

test.describe("cross-site request forgery", () => {
  test("JSON and upload routes refuse text/plain bodies and foreign origins, and change nothing", async ({
    baseURL,
  }) => {
    const { ctx, userId } = await signedIn(baseURL!);
    const ids = await demoTalk();
    const forged = JSON.stringify(saveBody(ids, "forged"));
    const attempts: { headers: Record<string, string>; status: number }[] = [
      { headers: { "content-type": "text/plain" }, status: 415 },
      { headers: { "content-type": "application/x-www-form-urlencoded" }, status: 415 },
      { headers: { "content-type": "application/json", origin: FOREIGN }, status: 403 },
      { headers: { "content-type": "application/json", origin: "null" }, status: 403 },
      { headers: { "content-type": "application/json", "sec-fetch-site": "cross-site" }, status: 403 },
      { headers: { "content-type": "application/json", "sec-fetch-site": "same-site" }, status: 403 },
    ];
    for (const a of attempts) {
      const res = await ctx.post("/api/notes", { data: forged, headers: a.headers });
      expect(res.status(), JSON.stringify(a.headers)).toBe(a.status);
    }
    expect(await db.note.count({ where: { authorId: userId } })).toBe(0);

    const writeup = "# Forged\n\nwords\n";
    expect(
      (
        await ctx.post("/api/writeups/import?mode=preview&filename=x.md", {
          data: writeup,
          headers: { "content-type": "text/plain" },
        })
      ).status(),
    ).toBe(415);
    expect(
      (
        await ctx.post("/api/writeups/import?mode=preview&filename=x.md", {
          data: writeup,
          headers: { "content-type": "text/markdown", origin: FOREIGN },
        })
      ).status(),
    ).toBe(403);
    const apply = await ctx.post("/api/writeups/import?mode=apply", {
      data: "{}",
      headers: { "content-type": "text/plain" },
    });
    expect(apply.status()).toBe(415);

    // The same requests from this origin go through.
    const ok = await ctx.post("/api/notes", {
      data: forged,
      headers: { "content-type": "application/json", origin: baseURL!, "sec-fetch-site": "same-origin" },
    });
    expect(ok.status()).toBe(200);
    expect(
      (
        await ctx.post("/api/writeups/import?mode=preview&filename=x.md", {
          data: writeup,
          headers: { "content-type": "text/markdown", origin: baseURL! },
        })
      ).status(),
    ).toBe(200);
    await ctx.dispose();
  });

  test("the admin agenda import refuses a cross-site upload", async ({ baseURL }) => {
    const { ctx } = await signedIn(baseURL!, "ADMIN");
    const csv = "title,start,end,track\nForged,2030-01-01T10:00:00Z,2030-01-01T11:00:00Z,A\n";
    const before = await db.event.count();
    expect(
      (
        await ctx.post("/api/admin/agenda/import?filename=x.csv&mode=apply", {
          data: csv,
          headers: { "content-type": "text/plain" },
        })
      ).status(),
    ).toBe(415);
    expect(
      (
        await ctx.post("/api/admin/agenda/import?filename=x.csv&mode=apply", {
          data: csv,
          headers: { "content-type": "text/csv", origin: FOREIGN },
        })
      ).status(),
    ).toBe(403);
    expect(await db.event.count()).toBe(before);
    expect(
      (
        await ctx.post("/api/admin/agenda/import?filename=x.csv&mode=preview", {
          data: csv,
          headers: { "content-type": "text/csv", origin: baseURL! },
        })
      ).status(),
    ).toBe(200);
    await ctx.dispose();
  });

  test("a server action from a foreign origin is a 403 and does nothing", async ({ baseURL }) => {
    const { ctx, userId } = await signedIn(baseURL!);
    const res = await ctx.post("/teams", {
      headers: {
        "Next-Action": actionId("createTeamAction"),
        Accept: "text/x-component",
        "Content-Type": "text/plain;charset=UTF-8",
        Origin: FOREIGN,
      },
      data: JSON.stringify([{ name: "Forged team" }]),
    });
    expect(res.status()).toBe(403);
    expect(await db.membership.count({ where: { userId } })).toBe(0);
    await ctx.dispose();
  });
});

test.describe("bodies", () => {
  test("a chunked body that never ends is answered 413 at the limit, not read whole", async ({ baseURL }) => {
    const { cookie } = await signedIn(baseURL!);
    const url = new URL("/api/notes", baseURL);
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request({
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: { "content-type": "application/json", cookie, "transfer-encoding": "chunked" },
      });
      const timer = setTimeout(
        () => reject(new Error("no answer while the body was still coming: it is being read whole")),
        20_000,
      );
      req.on("response", (res) => {
        clearTimeout(timer);
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on("error", () => undefined); // the server may close the socket after answering
      // 3 MB (over the 2 MB + 4 KB limit), then keep the request open: never call end().
      req.write('{"body":"');
      const chunk = "x".repeat(64 * 1024);
      for (let i = 0; i < 48; i++) req.write(chunk);
    });
    expect(status).toBe(413);
  });

  test("a lone surrogate in a note is a 422, not a 500", async ({ baseURL }) => {
    const { ctx, userId } = await signedIn(baseURL!);
    const ids = await demoTalk();
    const raw = JSON.stringify(saveBody(ids, "x")).replace('"body":"x"', '"body":"before \\ud800 after"');
    const res = await ctx.post("/api/notes", { data: raw, headers: { "content-type": "application/json" } });
    expect(res.status()).toBe(422);
    expect(await db.note.count({ where: { authorId: userId } })).toBe(0);
    const proto = JSON.stringify(saveBody(ids, "x")).replace("{", '{"__proto__":{"polluted":1},');
    expect(
      (await ctx.post("/api/notes", { data: proto, headers: { "content-type": "application/json" } })).status(),
    ).toBe(422);
    await ctx.dispose();
  });

  test("server actions: malformed and oversized bodies are 4xx, not 500", async ({ baseURL }) => {
    const { ctx } = await signedIn(baseURL!);
    const id = actionId("setLocaleAction");
    const post = (
      data: string | Buffer,
      contentType = "text/plain;charset=UTF-8",
      extra: Record<string, string> = {},
    ) =>
      ctx.post("/events", {
        headers: {
          "Next-Action": id,
          Accept: "text/x-component",
          "Content-Type": contentType,
          Origin: baseURL!,
          ...extra,
        },
        data,
      });
    expect((await post('["ko"]')).status()).toBe(200);
    expect((await post('["ko')).status()).toBe(400);
    expect((await post("garbage", "multipart/form-data; boundary=x")).status()).toBe(400);
    expect((await post(Buffer.from([0xff, 0xfe, 0x00]))).status()).toBe(400);
    expect((await post(`["${"a".repeat(2 * 1024 * 1024)}"]`)).status()).toBe(413);
    await ctx.dispose();
  });
});

test.describe("addresses and headers", () => {
  test("broken percent-encoding in a path is a 400 with the security headers", async ({ request: client }) => {
    for (const p of ["/events/%E0%A4%A", "/teams/%C0", "/api/notes/%E0%A4%A/markdown", "/api/events/%ZZ%E0/export"]) {
      const res = await client.get(p);
      expect(res.status(), p).toBe(400);
      expect(res.headers()["x-content-type-options"], p).toBe("nosniff");
      expect(res.headers()["content-security-policy"], p).toBeTruthy();
    }
  });

  test("HSTS only over https; images from https hosts are allowed by the page policy", async ({ request: client }) => {
    const plain = await client.get("/sign-in");
    expect(plain.headers()["strict-transport-security"]).toBeUndefined();
    const secure = await client.get("/sign-in", { headers: { "x-forwarded-proto": "https" } });
    expect(secure.headers()["strict-transport-security"]).toContain("max-age=");
    const imgSrc = plain
      .headers()
      ["content-security-policy"].split(";")
      .find((d) => d.trim().startsWith("img-src"))!;
    expect(imgSrc.split(/\s+/)).toContain("https:");
    expect(imgSrc).not.toContain("http:");
  });
});
