// Screenshots for docs/screenshots/ (issue 15): phone (375 px) and desktop views of the agenda, the
// note editor and the other screens the issue changed. Not part of the normal run: only with
// SCREENSHOTS=1, e.g.
//   SCREENSHOTS=1 E2E_PORT=3150 NEXT_DIST_DIR=.next-15 npx playwright test e2e/screenshots.spec.ts
import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { e2eDb } from "./db";
import { createParallelEvent, createTwoDayEvent } from "./fixtures";
import { signedInUser, signInViaApi } from "./helpers";

test.skip(!process.env.SCREENSHOTS, "screenshots only with SCREENSHOTS=1");
test.describe.configure({ mode: "serial" });

const DIR = path.resolve("docs", "screenshots");
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 860 };

async function shot(page: Page, name: string, fullPage = false) {
  mkdirSync(DIR, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(DIR, `${name}.png`), fullPage });
}

async function typeInNote(page: Page, text: string) {
  const editor = page.getByLabel("Note (Markdown)");
  await expect(editor).toBeEditable();
  await editor.press("Control+End");
  await editor.pressSequentially(text, { delay: 2 });
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
}

test("agenda: one row for talks starting together, Live per talk, all days in the header, Now", async ({ page }) => {
  const event = await createTwoDayEvent("Screens Summit");
  await signedInUser(page, { name: "Mina" });
  await page.clock.setFixedTime(new Date("2024-06-10T02:05:00Z")); // 11:05 in Seoul, day 1
  await page.setViewportSize(DESKTOP);
  await page.goto(`/events/${event.slug}`);
  await expect(page.getByTestId("agenda-grid")).toContainText(event.talks.d1b.title);
  await shot(page, "agenda-desktop");
  await page.setViewportSize(PHONE);
  await page.goto(`/events/${event.slug}`);
  await page.getByLabel("Track").selectOption({ label: "Track A · Room 1" });
  await page.getByTestId("now-button").click();
  await expect(page.getByTestId("now-elsewhere")).toBeVisible();
  await shot(page, "agenda-phone-now-elsewhere");
  await page.getByLabel("Track").selectOption({ label: "Track B · Room 2" });
  await page.getByTestId("now-button").click();
  await expect(page.getByRole("link", { name: event.talks.d1b.title })).toBeFocused();
  await shot(page, "agenda-phone");
  await page.goto("/events/aws-summit-seoul-2016");
  await shot(page, "agenda-phone-demo-event");
});

test("note editor: phone and desktop, tag suggestions in view while typing, line breaks kept", async ({ page }) => {
  const event = await createParallelEvent("Screens Notes");
  await signedInUser(page, { name: "Mina" });
  await page.setViewportSize(PHONE);
  await page.goto(`/events/${event.slug}/talks/${event.talks.lambda.id}/note`);
  await typeInNote(page, "Lambda cold starts\nProvisioned concurrency for the API\nDynamoDB streams into S3");
  await expect(page.getByTestId("tag-suggestions")).toBeVisible();
  await shot(page, "note-editor-phone");
  await page.getByRole("tab", { name: "Preview" }).click();
  await expect(page.getByTestId("note-preview").locator("br").first()).toBeAttached();
  await shot(page, "note-preview-line-breaks-phone");
  await page.setViewportSize(DESKTOP);
  await page.getByRole("tab", { name: "Write" }).click();
  await shot(page, "note-editor-desktop");
});

test("conflict: a true clash is shown with both sides marked", async ({ page, browser }) => {
  const event = await createParallelEvent("Screens Merge");
  const user = await signedInUser(page, { name: "Mina" });
  await page.setViewportSize(DESKTOP);
  const url = `/events/${event.slug}/talks/${event.talks.dynamo.id}/note`;
  await page.goto(url);
  await typeInNote(page, "Partition keys\nHot partitions: spread writes\nGSIs");
  const other = await openSecond(browser, user, url);
  const editor = page.getByLabel("Note (Markdown)");
  await editor.fill("Partition keys\nHot partitions: spread writes with a random suffix\nGSIs");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  const editor2 = other.getByLabel("Note (Markdown)");
  await editor2.fill("Partition keys\nHot partitions: use write sharding\nGSIs\nLSIs need the same partition key");
  await expect(other.getByTestId("save-status")).toHaveText("Conflict");
  await expect(other.getByTestId("conflict-clashes")).toBeVisible();
  await shot(other, "conflict-clash-desktop", true);
  await other.context().close();
});

async function openSecond(browser: Browser, user: { email: string; password: string }, url: string) {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  await signInViaApi(page, user);
  await page.goto(url);
  await expect(page.getByLabel("Note (Markdown)")).toBeEditable();
  return page;
}

test("newcomer home, phone header on one row, sharing panel", async ({ page, browser }) => {
  const anon = await browser.newContext({ viewport: PHONE });
  const anonPage = await anon.newPage();
  await anonPage.goto("/");
  await expect(anonPage.getByTestId("demo-accounts")).toBeVisible();
  await shot(anonPage, "home-phone", true);
  await anonPage.setViewportSize(DESKTOP);
  await shot(anonPage, "home-desktop");
  await anon.close();

  const event = await createParallelEvent("Screens Share");
  const user = await signedInUser(page, { name: "Mina" });
  const db = e2eDb();
  try {
    const me = await db.user.findUniqueOrThrow({ where: { email: user.email } });
    await db.team.create({
      data: {
        name: "Cloud Guild",
        slug: `cloud-guild-${Date.now()}`,
        memberships: { create: { userId: me.id, role: "OWNER" } },
      },
    });
  } finally {
    await db.$disconnect();
  }
  await page.setViewportSize(PHONE);
  await page.goto(`/events/${event.slug}/talks/${event.talks.dynamo.id}/note`);
  await typeInNote(page, "Shared with the team");
  await page.getByTestId("note-sharing").getByLabel("My teams").check();
  await page.getByTestId("note-sharing").scrollIntoViewIfNeeded();
  await shot(page, "sharing-panel-phone");
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, "header-signed-in-phone");
});
