// Issue 15, "wrong" list: each test here failed on the code before its fix.
import { expect, test, type Page } from "@playwright/test";
import { e2eDb } from "./db";
import { createParallelEvent, createTwoDayEvent } from "./fixtures";
import { DB, signedInUser, signInViaApi } from "./helpers";

const editor = (page: Page) => page.getByLabel(/Note \(Markdown\)|노트 \(마크다운\)/);
const status = (page: Page) => page.getByTestId("save-status");

async function typeAtEnd(page: Page, text: string) {
  await editor(page).press("Control+End");
  await editor(page).pressSequentially(text, { delay: 5 });
}

/** A team owned by the user with one TEAM-shared note on a talk, a comment on it and, optionally, a saved write-up. */
async function teamWithNote(
  email: string,
  eventId: string,
  talkId: string,
  body: string,
  opts: { writeup?: string; at?: Date } = {},
) {
  const db = e2eDb();
  try {
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const team = await db.team.create({
      data: {
        name: `Guild ${Math.random().toString(36).slice(2, 7)}`,
        slug: `guild-${Math.random().toString(36).slice(2, 10)}`,
        memberships: { create: { userId: user.id, role: "OWNER" } },
      },
    });
    const note = await db.note.create({
      data: { authorId: user.id, eventId, talkId, body, visibility: "TEAM", shares: { create: { teamId: team.id } } },
    });
    const at = opts.at ?? new Date();
    await db.comment.create({
      data: { noteId: note.id, authorId: user.id, body: "Nice summary", createdAt: at, updatedAt: at },
    });
    if (opts.writeup)
      await db.writeup.create({
        data: { teamId: team.id, eventId, talkId: null, body: opts.writeup, createdAt: at, updatedAt: at },
      });
    return { teamId: team.id, noteId: note.id };
  } finally {
    await db.$disconnect();
  }
}

function collectErrors(page: Page) {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  return errors;
}

test("1. talks starting together but ending differently stay on their own day when switching day tabs", async ({
  page,
}) => {
  const event = await createTwoDayEvent("Two days");
  await page.goto(`/events/${event.slug}`);
  const grid = page.getByTestId("agenda-grid");
  const phone = page.getByTestId("agenda-track-list");
  await expect(grid).toContainText(event.talks.d1a.title);
  await expect(grid).toContainText(event.talks.d1b.title);
  const tabs = page.getByRole("tab");
  await expect(tabs).toHaveCount(2);
  for (let round = 0; round < 2; round++) {
    await tabs.nth(1).click();
    await expect(grid).toContainText(event.talks.d2a.title);
    for (const key of ["d1a", "d1b", "d1c", "d1d"]) {
      await expect(grid).not.toContainText(event.talks[key].title);
      await expect(phone).not.toContainText(event.talks[key].title);
    }
    await tabs.nth(0).click();
    await expect(grid).toContainText(event.talks.d1b.title);
    await expect(grid).not.toContainText(event.talks.d2a.title);
    await expect(phone).not.toContainText(event.talks.d2a.title);
  }
});

test("2. text typed while the conflict panel is open ends up in the saved merge", DB, async ({ page, browser }) => {
  const event = await createParallelEvent("Conflict");
  const user = await signedInUser(page);
  const noteUrl = `/events/${event.slug}/talks/${event.talks.dynamo.id}/note`;
  await page.goto(noteUrl);
  await expect(editor(page)).toBeEditable();
  await typeAtEnd(page, "Alpha line");
  await expect(status(page)).toHaveText("Saved");

  const other = await browser.newContext();
  const page2 = await other.newPage();
  await signInViaApi(page2, user);
  await page2.goto(noteUrl);
  await expect(editor(page2)).toHaveValue("Alpha line");

  await typeAtEnd(page, "\nA adds");
  await expect(status(page)).toHaveText("Saved");
  await typeAtEnd(page2, "\nB adds");
  await expect(status(page2)).toHaveText("Conflict");
  const conflict = page2.getByTestId("conflict");
  await expect(conflict).toBeVisible();
  // Keep typing in the note while the panel is open.
  await typeAtEnd(page2, "\nC typed meanwhile");
  await conflict.getByRole("button", { name: "Save merged text" }).click();
  await expect(status(page2)).toHaveText("Saved");
  await expect(page2.getByTestId("conflict")).toHaveCount(0);
  await expect(editor(page2)).toHaveValue(/C typed meanwhile/);
  const db = e2eDb();
  try {
    const note = await db.note.findFirstOrThrow({
      where: { talkId: event.talks.dynamo.id, author: { email: user.email } },
    });
    expect(note.body).toContain("A adds");
    expect(note.body).toContain("B adds");
    expect(note.body).toContain("C typed meanwhile");
  } finally {
    await db.$disconnect();
  }
  await other.close();
});

test(
  "3. once the agenda was opened, its talk pages, a new note and My agenda work offline",
  DB,
  async ({ page, context }) => {
    test.setTimeout(120_000);
    const event = await createTwoDayEvent("Offline");
    await signedInUser(page);
    await page.goto(`/events/${event.slug}`);
    await expect(page.getByTestId("agenda-grid")).toContainText(event.talks.d1a.title);
    const talk = event.talks.d2c;
    // The service worker keeps the event's pages once the agenda was open (no talk page visited).
    const talkUrl = `/events/${event.slug}/talks/${talk.id}`;
    await expect
      .poll(
        () =>
          page.evaluate(
            async (url) =>
              !!navigator.serviceWorker.controller &&
              !!(await caches.match(url)) &&
              !!(await caches.match(`${url}/note`)) &&
              !!(await caches.match("/my-agenda")),
            talkUrl,
          ),
        { timeout: 30_000 },
      )
      .toBe(true);
    await context.setOffline(true);
    await page.getByRole("tab").nth(1).click();
    await page.getByTestId("agenda-grid").getByRole("link", { name: talk.title }).click();
    await expect(page.getByRole("heading", { level: 1, name: talk.title })).toBeVisible();
    await page.getByTestId("note-link").click();
    await expect(page.getByRole("heading", { level: 1, name: new RegExp(talk.title) })).toBeVisible();
    await expect(editor(page)).toBeEditable();
    await typeAtEnd(page, "written offline");
    await expect(status(page)).toHaveText("Offline – will sync");
    await page.goto("/my-agenda");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator("body")).not.toContainText("This page was not opened before going offline");
    await context.setOffline(false);
    await page.goto(`/events/${event.slug}/talks/${talk.id}/note`);
    await expect(editor(page)).toHaveValue("written offline");
    await expect(status(page)).toHaveText("Saved", { timeout: 30_000 });
  },
);

test("4. Now moves focus to the live talk; on a phone track with nothing live it offers the other tracks' live talks", async ({
  page,
}) => {
  const event = await createTwoDayEvent("Now");
  // 10:40 in Seoul on day 1: both 10:30 talks are live.
  await page.clock.setFixedTime(new Date("2024-06-10T01:40:00Z"));
  await page.goto(`/events/${event.slug}`);
  await page.getByTestId("now-button").click();
  await expect(page.getByRole("link", { name: event.talks.d1a.title })).toBeFocused();

  // 11:05: only Track B's long talk is still live; the phone shows Track A.
  await page.clock.setFixedTime(new Date("2024-06-10T02:05:00Z"));
  await page.setViewportSize({ width: 375, height: 700 });
  await page.goto(`/events/${event.slug}`);
  await page.getByLabel("Track").selectOption({ label: "Track A · Room 1" });
  await page.getByTestId("now-button").click();
  const offer = page.getByTestId("now-elsewhere");
  await expect(offer).toBeVisible();
  await expect(offer.getByRole("link", { name: event.talks.d1b.title })).toBeVisible();
  await expect(offer).toContainText("Track B");
});

test("5. the team Jekyll export prints each note once", DB, async ({ page }) => {
  const event = await createParallelEvent("Export");
  const user = await signedInUser(page);
  const marker = `Partition keys ${Math.random().toString(36).slice(2, 8)}`;
  const { teamId } = await teamWithNote(user.email, event.id, event.talks.dynamo.id, marker);
  // The team builds its write-up from the notes and saves it, as the write-up page offers.
  await page.goto(`/teams/${teamId}/events/${event.slug}/writeup`);
  await page.getByRole("button", { name: "Build draft from notes" }).click();
  await expect(page.getByRole("textbox").last()).toHaveValue(new RegExp(marker));
  await page.getByRole("button", { name: "Save write-up" }).click();
  await expect(page.getByText(/^Saved /)).toBeVisible();
  for (const flavour of ["jekyll", "hugo"]) {
    const res = await page
      .context()
      .request.get(`/api/events/${event.slug}/writeup?flavour=${flavour}&team=${teamId}&locale=en`);
    expect(res.status()).toBe(200);
    const text = await res.text();
    expect(text.split(marker).length - 1, `${flavour}: ${text}`).toBe(1);
  }
});

test("6. comment and write-up times show in the event's time zone, with the zone", DB, async ({ page }) => {
  const event = await createParallelEvent("Zones");
  const user = await signedInUser(page);
  const { teamId } = await teamWithNote(user.email, event.id, event.talks.dynamo.id, "Some note", {
    writeup: "# Saved write-up",
    at: new Date("2024-05-16T05:07:00Z"),
  });
  await page.goto(`/teams/${teamId}/events/${event.slug}/review`);
  const comment = page.getByText("Nice summary").locator("xpath=ancestor::li[1]");
  await expect(comment).toContainText("14:07");
  await expect(comment).toContainText("Asia/Seoul");
  await page.goto(`/teams/${teamId}/events/${event.slug}/writeup`);
  const saved = page.getByText(/^Saved /);
  await expect(saved).toContainText("14:07");
  await expect(saved).toContainText("Asia/Seoul");
});

test.describe("Korean UI", () => {
  test.use({ locale: "ko-KR" });

  test("7. team Review and Write-up pages load without a hydration error", DB, async ({ page }) => {
    const event = await createParallelEvent("Hydration");
    const user = await signedInUser(page);
    const { teamId } = await teamWithNote(user.email, event.id, event.talks.dynamo.id, "람다 노트", {
      writeup: "# 작성본",
    });
    const errors = collectErrors(page);
    for (const tab of ["review", "writeup"]) {
      await page.goto(`/teams/${teamId}/events/${event.slug}/${tab}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await page.waitForLoadState("networkidle");
    }
    expect(errors).toEqual([]);
  });

  test("10c. the Korean live badge fits inside its pill", async ({ page }) => {
    const event = await createTwoDayEvent("Badge");
    await page.clock.setFixedTime(new Date("2024-06-10T01:40:00Z"));
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`/events/${event.slug}`);
      const badge = page
        .locator(width > 600 ? "[data-testid=agenda-grid]" : "[data-testid=agenda-track-list]")
        .getByText("진행 중")
        .first();
      await expect(badge).toBeVisible();
      const fits = await badge.evaluate((el) => {
        const rects = el.getClientRects();
        const box = el.getBoundingClientRect();
        const row = el.parentElement!.getBoundingClientRect();
        return {
          lines: rects.length,
          overflow: el.scrollWidth > el.clientWidth + 1,
          inside: box.right <= row.right + 1 && box.left >= row.left - 1,
        };
      });
      expect(fits, `at ${width}px`).toEqual({ lines: 1, overflow: false, inside: true });
    }
  });
});

test("8. [+m] is offered only while the talk runs and counts minutes into it", async ({ page }) => {
  const event = await createParallelEvent("Minutes");
  await signedInUser(page);
  const url = `/events/${event.slug}/talks/${event.talks.dynamo.id}/note`;
  // Long after the talk (13:00–13:40 Seoul, 2024-05-16): no minute marker.
  await page.goto(url);
  await expect(editor(page)).toBeEditable();
  const minutes = page.getByRole("button", { name: /Minutes/ });
  await expect(minutes).toBeDisabled();
  await editor(page).press("Alt+KeyM");
  await expect(editor(page)).not.toHaveValue(/\[\+\d+m\]/);
  // During the talk, 13:12 Seoul time: [+12m].
  await page.clock.setFixedTime(new Date("2024-05-16T04:12:00Z"));
  await page.goto(url);
  await expect(editor(page)).toBeEditable();
  await page.getByRole("button", { name: /Minutes/ }).click();
  await expect(editor(page)).toHaveValue(/^\[\+12m\] /);
});

test(
  "9. after an offline reload the accepted tags, Markdown and History links are still there",
  DB,
  async ({ page, context }) => {
    const event = await createParallelEvent("Tags");
    await signedInUser(page);
    await page.goto(`/events/${event.slug}/talks/${event.talks.lambda.id}/note`);
    await expect(editor(page)).toBeEditable();
    await typeAtEnd(page, "Lambda cold starts and DynamoDB streams");
    await expect(status(page)).toHaveText("Saved");
    await page.getByTestId("tag-suggestions").getByRole("button", { name: "Add Lambda" }).click();
    await expect(page.getByTestId("note-tags")).toContainText("Lambda");
    // Wait until the service worker holds a copy of the page with the tag in it.
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const hit = await caches.match(location.pathname);
            const html = hit ? await hit.text() : "";
            return html.includes('data-testid="note-markdown"') && html.includes("<span>Lambda</span>");
          }),
        { timeout: 20_000 },
      )
      .toBe(true);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId("note-tags")).toContainText("Lambda");
    await expect(page.getByTestId("note-tags")).not.toContainText("No tags yet");
    await expect(page.getByTestId("note-markdown")).toBeVisible();
    await expect(page.getByRole("link", { name: "History" })).toBeVisible();
    await context.setOffline(false);
  },
);

test("10a. going offline on the note page raises no page error", DB, async ({ page, context }) => {
  const event = await createParallelEvent("Quiet");
  await signedInUser(page);
  await page.goto(`/events/${event.slug}/talks/${event.talks.lambda.id}/note`);
  await expect(editor(page)).toBeEditable();
  await typeAtEnd(page, "Lambda notes");
  await expect(status(page)).toHaveText("Saved");
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await context.setOffline(true);
  await typeAtEnd(page, " and S3");
  await expect(status(page)).toHaveText("Offline – will sync");
  await page.getByRole("combobox", { name: "Add a service or #topic" }).fill("Dyna");
  await page.waitForTimeout(1500);
  await context.setOffline(false);
  await expect(status(page)).toHaveText("Saved", { timeout: 30_000 });
  expect(errors).toEqual([]);
});

test("10b. /favicon.ico is served on first load", async ({ page }) => {
  const notFound: string[] = [];
  page.on("response", (r) => {
    if (r.status() === 404) notFound.push(r.url());
  });
  await page.goto("/events");
  await page.waitForLoadState("networkidle");
  expect(notFound).toEqual([]);
  const res = await page.request.get("/favicon.ico");
  expect(res.status()).toBeLessThan(400);
});
