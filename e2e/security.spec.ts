// Security in the browser: response headers (CSP with a per-request nonce, framing, referrer, no
// version leak), session cookie flags, and the hostile input corpus (lib/testing/hostile-inputs)
// pushed through sign-up, the note editor, tags, the agenda admin forms, the agenda import and the
// exports. A payload that runs calls window.__pwned(id) or alert(): hooks on both (and on the
// console, where CSP reports blocked scripts) prove nothing ran; no request may answer 500.
import { expect, test, type Page, type Response } from "@playwright/test";
import {
  HOSTILE_VALUES,
  MALFORMED_BODIES,
  SQL_PAYLOADS,
  UNICODE_PAYLOADS,
  XSS_PAYLOADS,
} from "../lib/testing/hostile-inputs";
import { e2eDb } from "./db";
import { DEMO_ADMIN, signedInUser, signIn, signInViaApi, signUp, uniqueEmail, DB } from "./helpers";

type Watch = { pwned: string[]; dialogs: string[]; csp: string[]; serverErrors: string[] };

/** Hooks a page before anything loads: payload calls, dialogs, CSP reports, 5xx responses. */
async function watch(page: Page): Promise<Watch> {
  const w: Watch = { pwned: [], dialogs: [], csp: [], serverErrors: [] };
  await page.exposeFunction("__reportPwned", (id: string) => w.pwned.push(String(id)));
  await page.addInitScript(() => {
    const report = (id: unknown) =>
      (window as unknown as { __reportPwned: (id: string) => void }).__reportPwned(String(id));
    (window as unknown as { __pwned: (id: unknown) => void }).__pwned = (id) => {
      console.log(`PWNED ${String(id)}`);
      report(id);
    };
  });
  page.on("dialog", (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("console", (m) => {
    const text = m.text();
    if (/PWNED/.test(text)) w.pwned.push(text);
    if (/Content Security Policy/i.test(text)) w.csp.push(text);
  });
  page.on("response", (r: Response) => {
    if (r.status() >= 500) w.serverErrors.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  return w;
}

function expectClean(w: Watch) {
  expect(w.pwned, "a payload ran").toEqual([]);
  expect(w.dialogs, "a dialog opened").toEqual([]);
  expect(w.csp, "the CSP had to block something").toEqual([]);
  expect(w.serverErrors, "a request answered 5xx").toEqual([]);
}

const SHORT_XSS = XSS_PAYLOADS.filter((p) => p.length <= 100);

test.describe("security headers", () => {
  test("a page, an API route, a build asset and a public file carry them; the page CSP uses a fresh nonce", async ({
    request,
    baseURL,
  }) => {
    const common = (headers: Record<string, string>) => {
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["permissions-policy"]).toContain("camera=()");
      expect(headers["x-powered-by"]).toBeUndefined();
      expect(headers["server"] ?? "").not.toMatch(/\d/); // no product version
    };

    const page = await request.get("/sign-in");
    expect(page.status()).toBe(200);
    const h = page.headers();
    common(h);
    const csp = h["content-security-policy"];
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(scriptSrc).not.toContain("unsafe-eval");
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"])
      expect(csp).toContain(directive);
    // Every script in the page carries this response's nonce.
    const html = await page.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const again = await request.get("/sign-in");
    expect(again.headers()["content-security-policy"]).not.toContain(nonce!);

    const api = await request.get("/api/health");
    common(api.headers());
    expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");

    const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    const js = await request.get(asset!);
    expect(js.status()).toBe(200);
    common(js.headers());

    const icon = await request.get("/icon.svg");
    common(icon.headers());
    expect(baseURL).toBeTruthy();
  });

  test("the session cookie is HttpOnly and SameSite, Secure exactly when served over https", async ({
    page,
    context,
    baseURL,
  }) => {
    await signIn(page, DEMO_ADMIN);
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
    expect(session).toBeDefined();
    expect(session!.httpOnly).toBe(true);
    expect(session!.sameSite).toBe("Lax");
    expect(session!.secure).toBe(baseURL!.startsWith("https:"));
    for (const c of cookies.filter((c) => c.name.includes("next-auth"))) expect(c.httpOnly, c.name).toBe(true);
    // Nothing that grants access is readable from scripts.
    expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
  });
});

test.describe("hostile input", () => {
  test("the hooks see a payload that does run (so their silence below means something)", async ({ page }) => {
    const w = await watch(page);
    await page.goto("/sign-in");
    await page.evaluate(() => (window as unknown as { __pwned: (id: string) => void }).__pwned("self-test"));
    await page.evaluate(() => alert("self-test"));
    await expect.poll(() => w.pwned.length).toBeGreaterThan(0);
    expect(w.dialogs).toEqual(["self-test"]);
  });

  test(
    "sign-up: payload names are shown as text, bad values are refused without a 500",
    DB,
    async ({ page, browser }) => {
      const w = await watch(page);
      const name = SHORT_XSS[1]; // <img src=x onerror=…>
      await signUp(page, { name, email: uniqueEmail("xss") });
      await expect(page.getByTestId("current-user")).toHaveText(name);
      await page.goto("/account");
      expectClean(w);

      // Malformed and hostile sign-up values: a message, never a crash.
      const fresh = await browser.newContext();
      const p2 = await fresh.newPage();
      const w2 = await watch(p2);
      for (const email of ["' OR '1'='1", "<script>@x.test", "a".repeat(300) + "@x.test"]) {
        await p2.goto("/sign-up");
        await p2.getByLabel("Name", { exact: true }).fill(SQL_PAYLOADS[1]);
        await p2.getByLabel("Email").fill(email);
        await p2.getByLabel("Password").fill("correct horse battery");
        await p2.getByRole("button", { name: "Create account" }).click();
        // Refused by the browser's own email check or by the server with a message: not signed in either way.
        await p2.waitForLoadState("networkidle");
        await expect(p2.getByTestId("current-user")).toHaveCount(0);
      }
      expectClean(w2);
      await fresh.close();
    },
  );

  test(
    "note editor and tags: every payload is saved verbatim and never runs (editor, preview, reload, history)",
    DB,
    async ({ page }) => {
      const w = await watch(page);
      const user = await signedInUser(page);
      await page.goto("/events/aws-summit-seoul-2016");
      await page.getByTestId("agenda-grid").getByRole("link").first().click();
      await page.getByTestId("note-link").click();
      const editor = page.getByLabel("Note (Markdown)");
      await expect(editor).toBeEditable();
      const body = [...XSS_PAYLOADS, ...SQL_PAYLOADS, ...UNICODE_PAYLOADS.filter((s) => !s.includes("\u0000"))].join(
        "\n\n",
      );
      await editor.fill(body);
      await expect(page.getByTestId("save-status")).toHaveText("Saved", { timeout: 20_000 });
      await page.getByRole("tab", { name: "Preview" }).click();
      await expect(page.getByTestId("note-preview")).toBeVisible();
      // Markdown links with javascript: URLs are not live links.
      for (const href of await page
        .getByTestId("note-preview")
        .locator("a")
        .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))) {
        expect(href.toLowerCase()).not.toMatch(/^\s*javascript:/);
      }

      // Tags: payloads as topics are refused or kept as text.
      await page
        .getByRole("tab", { name: "Write" })
        .click()
        .catch(() => undefined);
      const tagInput = page.getByRole("combobox", { name: "Add a service or #topic" });
      for (const topic of [
        "#<img src=x onerror=window.__pwned('tag')>",
        "#' OR 1=1 --",
        "#" + "a".repeat(100),
        "#정상-태그",
      ]) {
        await tagInput.fill(topic);
        await tagInput.press("Enter");
      }
      await expect(page.getByTestId("note-tags")).toContainText("#정상-태그");

      await page.reload();
      await expect(page.getByLabel("Note (Markdown)")).toHaveValue(body.replace(/\r\n?/g, "\n"));
      const db = e2eDb();
      try {
        const note = await db.note.findFirstOrThrow({
          where: { author: { email: user.email } },
          orderBy: { updatedAt: "desc" },
        });
        expect(note.body).toBe(body.replace(/\r\n?/g, "\n"));
        await page.goto(`/notes/${note.id}/history`);
        await expect(page.locator("main")).toBeVisible();
      } finally {
        await db.$disconnect();
      }
      expectClean(w);
    },
  );

  test("agenda admin forms and the agenda page: payload names and titles are text", DB, async ({ page }) => {
    const w = await watch(page);
    await signInViaApi(page, DEMO_ADMIN);
    const name = `XSS Days ${Date.now().toString(36)} ${SHORT_XSS[0]}`;
    await page.goto("/admin/events");
    const newEvent = page.getByRole("form", { name: "New event" });
    await newEvent.getByLabel("Name", { exact: true }).fill(name);
    await newEvent.getByLabel("Time zone").fill("Asia/Seoul");
    await newEvent.getByLabel("First day").fill("2031-06-01");
    await newEvent.getByLabel("Last day").fill("2031-06-01");
    await newEvent.getByRole("button", { name: "Create event" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

    const track = SHORT_XSS[2]; // <svg onload=…>
    const addTrack = page.getByRole("form", { name: "Add track" });
    await addTrack.getByLabel("Track name").fill(track);
    await addTrack.getByRole("button", { name: "Add track" }).click();
    await expect(page.getByRole("form", { name: `Edit ${track}` })).toBeVisible();

    const titles = [SHORT_XSS[4], SQL_PAYLOADS[1], UNICODE_PAYLOADS[2]];
    for (const [i, title] of titles.entries()) {
      const form = page.getByRole("form", { name: "Add talk" });
      await form.getByLabel("Title").fill(title);
      await form.getByLabel("Day").selectOption("2031-06-01");
      await form.getByLabel("Track").selectOption({ label: track });
      await form.getByLabel("Start").fill(`1${i}:00`);
      await form.getByLabel("End").fill(`1${i}:40`);
      await form.getByRole("button", { name: "Add talk" }).click();
      await expect(page.getByText(title, { exact: true }).first()).toBeVisible();
    }
    // Oversized and malformed values: refused with a message, the page stays up.
    const form = page.getByRole("form", { name: "Add talk" });
    await form.getByLabel("Title").fill("t".repeat(400));
    await form.getByLabel("Start").fill("12:00");
    await form.getByLabel("End").fill("11:00");
    await form.getByRole("button", { name: "Add talk" }).click();
    await expect(form.getByTestId("form-message")).toBeVisible();

    const slug = new URL(page.url()).pathname.split("/").pop()!;
    await page.goto(`/events/${slug}`);
    await expect(page.getByTestId("agenda-grid")).toContainText(titles[0]);
    for (const format of ["xml", "json", "ics"]) {
      const res = await page.request.get(`/api/events/${slug}/export?format=${format}`);
      expect(res.status(), format).toBe(200);
      const text = await res.text();
      if (format === "xml") expect(text).not.toContain("<script>");
    }
    expectClean(w);
  });

  test("agenda import: a CSV full of payloads previews and imports as text", DB, async ({ page }) => {
    const w = await watch(page);
    await signInViaApi(page, DEMO_ADMIN);
    const cell = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const rows = SHORT_XSS.slice(0, 10).map(
      (p, i) =>
        `2031-07-01,${String(9 + i).padStart(2, "0")}:00,${String(9 + i).padStart(2, "0")}:40,${cell(i % 2 ? p : "Track 1")},${cell(p)},${cell(SQL_PAYLOADS[i % SQL_PAYLOADS.length])}`,
    );
    const csv = ["date,start,end,track,title,speakers", ...rows].join("\n");
    const fileName = `hostile-${Date.now().toString(36)}.csv`;
    await page.goto("/admin/events/import");
    await page
      .getByLabel("Schedule file")
      .setInputFiles({ name: fileName, mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Preview" }).click();
    const preview = page.getByTestId("import-preview");
    await expect(preview).toBeVisible();
    const importButton = preview.getByRole("button", { name: /^Import \d+ talks/ });
    if (await importButton.isEnabled()) {
      await importButton.click();
      await expect(page.getByTestId("import-status")).toContainText("Imported into");
      await page.getByRole("link", { name: "Open the agenda" }).click();
      await expect(page.getByTestId("agenda-grid")).toBeVisible();
    }
    expectClean(w);
  });

  test(
    "JSON endpoints: malformed bodies and hostile values get 4xx, never 500",
    DB,
    async ({ page, playwright, baseURL }) => {
      await signedInUser(page);
      const anonymous = await playwright.request.newContext({ baseURL });
      for (const client of [page.request, anonymous]) {
        for (const body of MALFORMED_BODIES) {
          const res = await client.post("/api/notes", {
            data: typeof body === "string" ? body : Buffer.from(body),
            headers: { "content-type": "application/json" },
          });
          expect(res.status(), `body ${String(body).slice(0, 40)}`).toBeGreaterThanOrEqual(400);
          expect(res.status(), `body ${String(body).slice(0, 40)}`).toBeLessThan(500);
        }
        for (const value of [...HOSTILE_VALUES, ...XSS_PAYLOADS, ...SQL_PAYLOADS]) {
          for (const field of ["opId", "noteId", "eventId", "talkId", "baseVersion", "body"]) {
            const input: Record<string, unknown> = {
              opId: `op-${Date.now()}`,
              eventId: "x",
              talkId: "y",
              baseVersion: 0,
              body: "hi",
              [field]: value,
            };
            const res = await client.post("/api/notes", { data: input });
            expect(res.status(), `${field}=${JSON.stringify(value)}`).toBeLessThan(500);
          }
        }
        for (const q of ["format=<script>", "format=xml' OR 1=1", `format=${"x".repeat(5000)}`]) {
          expect((await client.get(`/api/events/aws-summit-seoul-2016/export?${q}`)).status()).toBeLessThan(500);
        }
        expect(
          (await client.get(`/api/events/${encodeURIComponent("../../etc/passwd")}/export?format=xml`)).status(),
        ).toBeLessThan(500);
        expect((await client.get(`/api/ics/${encodeURIComponent("' OR 1=1 --")}`)).status()).toBeLessThan(500);
      }
      await anonymous.dispose();
    },
  );
});
