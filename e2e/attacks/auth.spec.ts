// Attack corpus, authentication: spoofed X-Forwarded-For, racing the account lock,
// open redirects after sign-in, a session cookie replayed after sign-out, sign-up and
// change-password floods, weak passwords, a disabled account that tells its password was right.
// Each case failed on the code before the fix. Every test comes from its own loopback address
// (see auth-client.ts), so its throttles never touch the rest of the suite.
//
// The numbers are the promises of README § Security: 5 failed sign-ins per account and 30 per
// address in 15 minutes; 10 sign-ups per address a minute; 5 wrong current passwords per account
// and 20 per address in 15 minutes.
import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { hashPassword } from "../../lib/auth/password";
import { e2eDb } from "../db";
import { STRONG_PASSWORD } from "../helpers";
import {
  callAction,
  clientFrom,
  sessionCookie,
  signInOver,
  signOutOver,
  startAddressProxy,
  type AddressProxy,
} from "./auth-client";

const db = e2eDb();
// Also run on PostgreSQL by `npm run test:e2e:postgres` (its --grep @db): counting and sessions live in the database.
const ON_BOTH_DATABASES = { tag: "@db" };
const proxies: AddressProxy[] = [];
const contexts: APIRequestContext[] = [];

test.afterAll(async () => {
  for (const c of contexts) await c.dispose();
  for (const p of proxies) await p.close();
  await db.$disconnect();
});

/** A client on its own address 127.0.12.<n> (one n per test). */
async function client(baseURL: string, n: number, headers?: Record<string, string>) {
  const proxy = await startAddressProxy(baseURL, `127.0.12.${n}`);
  proxies.push(proxy);
  const ctx = await clientFrom(baseURL, proxy, headers);
  contexts.push(ctx);
  return { ctx, proxy };
}

async function browserFrom(browser: Browser, proxy: AddressProxy, locale = "en-US") {
  return browser.newContext({ proxy: { server: proxy.server }, locale });
}

const tag = () => randomBytes(4).toString("hex");
const email = (label: string) => `${label}-${tag()}@attacks.test`;

async function member(label: string, password = STRONG_PASSWORD) {
  const address = email(label);
  const user = await db.user.create({
    data: { email: address, name: `Attack ${label}`, passwordHash: await hashPassword(password) },
  });
  return { id: user.id, email: address, password };
}

/** Runs `count` calls of `fn`, `width` at a time. */
async function inBatches<T>(count: number, width: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += width)
    out.push(...(await Promise.all(Array.from({ length: Math.min(width, count - i) }, (_, j) => fn(i + j)))));
  return out;
}

test.describe("sign-in throttling", ON_BOTH_DATABASES, () => {
  test("a spoofed X-Forwarded-For does not escape the per-address limit", async ({ baseURL }) => {
    const { ctx } = await client(baseURL!, 11);
    // A new account and a new claimed address every time: only the real address ties them together.
    const answers = await inBatches(30, 5, (i) =>
      signInOver(ctx, email(`spray${i}`), "not the password", {
        headers: { "x-forwarded-for": `198.51.100.${i + 1}` },
      }),
    );
    expect(answers.map((a) => a.error)).toEqual(Array(30).fill("CredentialsSignin"));
    const next = await signInOver(ctx, email("spray-last"), "not the password", {
      headers: { "x-forwarded-for": "203.0.113.99" },
    });
    expect(next.error).toMatch(/^TooManyAttempts:\d+$/);
  });

  test("nobody can lock another client's address by naming it in X-Forwarded-For", async ({ baseURL }) => {
    const attacker = await client(baseURL!, 12);
    const victim = await client(baseURL!, 13);
    const user = await member("victim");
    // The victim's address as the server would see it (an IPv4 client of a dual-stack socket), both spellings.
    for (const spoofed of ["::ffff:127.0.12.13", "127.0.12.13"]) {
      await inBatches(30, 5, (i) =>
        signInOver(attacker.ctx, email(`frame${i}`), "not the password", { headers: { "x-forwarded-for": spoofed } }),
      );
    }
    const answer = await signInOver(victim.ctx, user.email, user.password);
    expect(answer.error).toBeNull();
    expect(answer.ok).toBe(true);
  });

  test("25 simultaneous wrong guesses: five are checked, twenty refused, and then the right password is refused too", async ({
    baseURL,
  }) => {
    const { ctx } = await client(baseURL!, 14);
    const user = await member("race");
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) => signInOver(ctx, user.email, `wrong guess number ${i}`)),
    );
    const checked = answers.filter((a) => a.error === "CredentialsSignin").length;
    const refused = answers.filter((a) => a.error?.startsWith("TooManyAttempts")).length;
    expect({ checked, refused }).toEqual({ checked: 5, refused: 20 });
    const right = await signInOver(ctx, user.email, user.password);
    expect(right.error).toMatch(/^TooManyAttempts:\d+$/);
  });

  test("a disabled account answers exactly like a wrong password", async ({ baseURL }) => {
    const { ctx } = await client(baseURL!, 15);
    const user = await member("disabled");
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date(), sessionEpoch: { increment: 1 } } });
    const right = await signInOver(ctx, user.email, user.password);
    const wrong = await signInOver(ctx, user.email, "not the password");
    expect(right.ok).toBe(false);
    expect({ error: right.error, status: right.status }).toEqual({ error: wrong.error, status: wrong.status });
    expect(right.error).toBe("CredentialsSignin");
  });
});

test.describe("open redirect after sign-in", () => {
  const CRAFTED = [
    "/\t/host.example/x", // browsers strip the TAB: //host.example/x
    "/\n/host.example/x", // a newline in a Location header was a 500
    "/\r\nSet-Cookie: injected=1",
    "/\\host.example/x",
    "/./\\host.example",
    "/.//host.example/x",
    "//host.example/x",
    "https://host.example/x",
    "javascript:alert(1)",
    "\t//host.example",
  ];

  test("a signed-in visit to /sign-in?callbackUrl= stays on this site and is never a 500", async ({ baseURL }) => {
    const { ctx } = await client(baseURL!, 16);
    const user = await member("redirect");
    expect((await signInOver(ctx, user.email, user.password)).ok).toBe(true);
    const origin = new URL(baseURL!).origin;
    for (const target of CRAFTED) {
      const res = await ctx.get(`/sign-in?callbackUrl=${encodeURIComponent(target)}`, { maxRedirects: 0 });
      expect(res.status(), JSON.stringify(target)).toBeLessThan(500);
      expect(res.status(), JSON.stringify(target)).toBeGreaterThanOrEqual(300);
      const location = res.headers()["location"] ?? "";
      expect(new URL(location, baseURL).origin, `${JSON.stringify(target)} → ${JSON.stringify(location)}`).toBe(origin);
      expect(location, JSON.stringify(target)).not.toMatch(/[\t\r\n\\]/);
    }
    // The way back still works for a real path.
    const res = await ctx.get(`/sign-in?callbackUrl=${encodeURIComponent("/account?tab=1#x")}`, { maxRedirects: 0 });
    expect(res.headers()["location"]).toMatch(/^(http:\/\/[^/]+)?\/account\?tab=1(#x)?$/);
  });

  test("next-auth's own callbackUrl is checked by origin", async ({ baseURL }) => {
    const { ctx } = await client(baseURL!, 16);
    const user = await member("redirect-cb");
    for (const target of CRAFTED) {
      const answer = await signInOver(ctx, user.email, user.password, { callbackUrl: target });
      expect(answer.ok, JSON.stringify(target)).toBe(true);
      expect(new URL(answer.url, baseURL).origin, `${JSON.stringify(target)} → ${answer.url}`).toBe(
        new URL(baseURL!).origin,
      );
      expect(answer.url).not.toMatch(/[\t\r\n\\]/);
    }
  });

  test("signing in through the form with a TAB in callbackUrl lands on this site", async ({ baseURL, browser }) => {
    const { proxy } = await client(baseURL!, 17);
    const user = await member("redirect-form");
    const context = await browserFrom(browser, proxy);
    const page = await context.newPage();
    await page.goto(`${baseURL}/sign-in?callbackUrl=%2F%09%2Fhost.example%2Fx`);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("current-user")).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    await context.close();
  });
});

test.describe("sign-out", ON_BOTH_DATABASES, () => {
  test("the old session cookie is refused after sign-out; the account's other sessions keep working", async ({
    baseURL,
  }) => {
    const user = await member("signout");
    const a = await client(baseURL!, 18);
    const b = await client(baseURL!, 18);
    expect((await signInOver(a.ctx, user.email, user.password)).ok).toBe(true);
    expect((await signInOver(b.ctx, user.email, user.password)).ok).toBe(true);
    const stolen = await sessionCookie(a.ctx);
    expect((await a.ctx.get("/api/me/backup")).status()).toBe(200);

    await signOutOver(a.ctx);
    const replay = await client(baseURL!, 18, { cookie: stolen });
    expect((await replay.ctx.get("/api/me/backup")).status()).toBe(401);
    const page = await replay.ctx.get("/account", { maxRedirects: 0 });
    expect(page.status()).toBe(307);
    expect(page.headers()["location"]).toContain("/sign-in");
    // Signing out on one device ends only that session.
    expect((await b.ctx.get("/api/me/backup")).status()).toBe(200);
  });
});

test.describe("sign-up and change-password throttling", ON_BOTH_DATABASES, () => {
  test("sign-up: one address gets 10 accounts a minute, then a refusal that says when to retry, in the user's language", async ({
    baseURL,
    browser,
  }) => {
    const { ctx, proxy } = await client(baseURL!, 19);
    const signUp = (label: string) =>
      callAction(ctx, baseURL!, "auth", "signUpAction", {
        name: "Flood",
        email: email(label),
        password: STRONG_PASSWORD,
      });
    const first = await inBatches(10, 5, (i) => signUp(`flood${i}`));
    expect(first.map((r) => r.ok)).toEqual(Array(10).fill(true));
    const refused = await signUp("flood-over");
    expect(refused).toMatchObject({ ok: false, code: "TOO_MANY" });
    expect(Number(refused.details?.minutes)).toBeGreaterThanOrEqual(1);

    for (const [locale, text] of [
      ["en-US", /Too many accounts were created from this network\. Try again in \d+ minutes?\./],
      ["ko-KR", /이 네트워크에서 계정을 너무 많이 만들었습니다\. \d+분 후에 다시 시도하세요\./],
    ] as const) {
      const context = await browserFrom(browser, proxy, locale);
      const page = await context.newPage();
      await page.goto(`${baseURL}/sign-up`);
      await page.locator("input[name=name]").fill("Flood");
      await page.locator("input[name=email]").fill(email("flood-ui"));
      await page.locator("input[name=password]").fill(STRONG_PASSWORD);
      await page.locator("form button[type=submit]").click();
      await expect(page.getByTestId("form-message")).toHaveText(text);
      await context.close();
    }
  });

  test("change-password: five wrong current passwords lock changes for the account, even with the right one", async ({
    baseURL,
  }) => {
    const { ctx } = await client(baseURL!, 20);
    const user = await member("chpw");
    expect((await signInOver(ctx, user.email, user.password)).ok).toBe(true);
    const change = (current: string) =>
      callAction(ctx, baseURL!, "account", "changePasswordAction", {
        currentPassword: current,
        newPassword: "violet harbour lantern",
      });
    for (let i = 0; i < 5; i++)
      expect(await change(`wrong current ${i}`)).toMatchObject({
        ok: false,
        code: "INVALID",
        message: "wrong_password",
      });
    const locked = await change(user.password);
    expect(locked).toMatchObject({ ok: false, code: "TOO_MANY" });
    expect(Number(locked.details?.minutes)).toBeGreaterThanOrEqual(1);
    // Nothing changed: the old password still signs in.
    const { ctx: other } = await client(baseURL!, 20);
    expect((await signInOver(other, user.email, user.password)).ok).toBe(true);
  });

  test("change-password: one address is limited across accounts", async ({ baseURL }) => {
    const answers: string[] = [];
    for (let account = 0; account < 6; account++) {
      const { ctx } = await client(baseURL!, 21);
      const user = await member(`chpw-addr${account}`);
      expect((await signInOver(ctx, user.email, user.password)).ok).toBe(true);
      for (let i = 0; i < (account < 5 ? 4 : 1); i++) {
        const r = await callAction(ctx, baseURL!, "account", "changePasswordAction", {
          currentPassword: `wrong ${i}`,
          newPassword: "violet harbour lantern",
        });
        answers.push(r.code ?? "ok");
      }
    }
    expect(answers.slice(0, 20)).toEqual(Array(20).fill("INVALID"));
    expect(answers[20]).toBe("TOO_MANY");
  });
});

test.describe("password strength", () => {
  const WEAK = ["12345678901", "qwerty12345", "password1234", "summit2016!"];

  test("the issue's weak passwords are refused on sign-up and on change-password, with the reason", async ({
    baseURL,
  }) => {
    const { ctx } = await client(baseURL!, 22);
    for (const password of WEAK) {
      const address = email("weak");
      const r = await callAction(ctx, baseURL!, "auth", "signUpAction", { name: "Weak", email: address, password });
      expect(r, password).toMatchObject({ ok: false, code: "INVALID" });
      expect(r.fieldErrors?.password?.[0], password).toMatch(
        /^password_(common|weak|personal|pattern|dates|repetitive)$/,
      );
      expect(await db.user.count({ where: { email: address } })).toBe(0);
    }
    const user = await member("weak-change");
    expect((await signInOver(ctx, user.email, user.password)).ok).toBe(true);
    for (const password of WEAK) {
      const r = await callAction(ctx, baseURL!, "account", "changePasswordAction", {
        currentPassword: user.password,
        newPassword: password,
      });
      expect(r, password).toMatchObject({ ok: false, code: "INVALID" });
      expect(r.fieldErrors?.newPassword?.[0], password).toMatch(
        /^password_(common|weak|personal|pattern|dates|repetitive)$/,
      );
    }
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(await (await import("../../lib/auth/password")).verifyPassword(stored.passwordHash!, user.password)).toBe(
      true,
    );
  });

  test("the sign-up form explains a weak password in the user's language", async ({ baseURL, browser }) => {
    const { proxy } = await client(baseURL!, 23);
    for (const [locale, text] of [
      ["en-US", /name, your email or the app's name/],
      ["ko-KR", /이름, 이메일 또는 앱 이름/],
    ] as const) {
      const context = await browserFrom(browser, proxy, locale);
      const page = await context.newPage();
      await page.goto(`${baseURL}/sign-up`);
      await page.locator("input[name=name]").fill("Weak");
      await page.locator("input[name=email]").fill(email("weak-ui"));
      await page.locator("input[name=password]").fill("summit2016!");
      await page.locator("form button[type=submit]").click();
      await expect(page.getByTestId("error-password")).toContainText(text);
      await context.close();
    }
  });
});
