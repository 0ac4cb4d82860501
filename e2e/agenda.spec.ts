import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import ICAL from "ical.js";
import { e2eDb } from "./db";
import { DEMO_ADMIN, signedInUser, signInViaApi, DB } from "./helpers";

test(
  "an admin builds a 2-day, 3-track agenda; a member stars talks and downloads them as .ics",
  DB,
  async ({ page, browser }) => {
    const name = `Cloud Days ${Date.now().toString(36)}`;
    await signInViaApi(page, DEMO_ADMIN);
    await page.goto("/admin/events");
    const newEvent = page.getByRole("form", { name: "New event" });
    await newEvent.getByLabel("Name", { exact: true }).fill(name);
    await newEvent.getByLabel("Time zone").fill("Asia/Seoul");
    await newEvent.getByLabel("First day").fill("2030-06-01");
    await newEvent.getByLabel("Last day").fill("2030-06-02");
    await newEvent.getByRole("button", { name: "Create event" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    const slug = page.url().split("/").pop()!;

    for (const track of ["Track 1", "Track 2", "Track 3"]) {
      const form = page.getByRole("form", { name: "Add track" });
      await form.getByLabel("Track name").fill(track);
      await form.getByRole("button", { name: "Add track" }).click();
      await expect(page.getByRole("form", { name: `Edit ${track}` })).toBeVisible();
    }

    async function addTalk(title: string, day: string, start: string, end: string, track: string) {
      const form = page.getByRole("form", { name: "Add talk" });
      await form.getByLabel("Title").fill(title);
      await form.getByLabel("Day").selectOption(day);
      await form.getByLabel("Track").selectOption({ label: track });
      await form.getByLabel("Start").fill(start);
      await form.getByLabel("End").fill(end);
      await form.getByRole("button", { name: "Add talk" }).click();
    }
    await addTalk("Opening keynote", "2030-06-01", "09:00", "10:00", "Plenary (all tracks)");
    await expect(page.getByTestId("board-talk").filter({ hasText: "Opening keynote" })).toBeVisible();
    await addTalk("Lambda deep dive", "2030-06-01", "10:00", "10:40", "Track 1");
    await expect(page.getByTestId("board-talk").filter({ hasText: "Lambda deep dive" })).toBeVisible();
    await addTalk("DynamoDB at scale", "2030-06-01", "10:00", "10:40", "Track 2");
    await expect(page.getByTestId("board-talk").filter({ hasText: "DynamoDB at scale" })).toBeVisible();
    await addTalk("S3 for data lakes", "2030-06-02", "11:00", "11:40", "Track 3");
    await expect(page.getByTestId("board-talk").filter({ hasText: "S3 for data lakes" })).toBeVisible();

    // A clash is refused with a message that names the other talk.
    await addTalk("Clashing talk", "2030-06-01", "10:20", "11:00", "Track 1");
    await expect(page.getByRole("form", { name: "Add talk" }).getByTestId("form-message")).toHaveText(
      "Overlaps “Lambda deep dive” 10:00–10:40 in Track 1.",
    );
    await expect(page.getByTestId("board-talk").filter({ hasText: "Clashing talk" })).toHaveCount(0);

    // A note on the talk we are about to move.
    const db = e2eDb();
    const talk = await db.talk.findFirstOrThrow({ where: { title: "Lambda deep dive", event: { slug } } });
    const admin = await db.user.findUniqueOrThrow({ where: { email: DEMO_ADMIN.email } });
    const note = await db.note.create({
      data: { authorId: admin.id, eventId: talk.eventId, talkId: talk.id, body: "Cold starts matter" },
    });

    // Move it with the keyboard alternative to drag-and-drop.
    const card = page.getByTestId("board-talk").filter({ hasText: "Lambda deep dive" });
    await card.getByRole("button", { name: "Move: Lambda deep dive" }).click();
    const move = page.getByRole("form", { name: "Move “Lambda deep dive”" });
    await move.getByLabel("Track").selectOption({ label: "Track 3" });
    await move.getByLabel("Day").selectOption("2030-06-02");
    await move.getByLabel("Start").fill("14:00");
    await move.getByRole("button", { name: "Move" }).click();
    await expect(page.getByTestId("board-talk").filter({ hasText: "Lambda deep dive" })).toContainText("14:00–14:40");
    await expect(page.getByTestId("board-talk").filter({ hasText: "Lambda deep dive" })).toContainText("1 note");
    const moved = await db.talk.findUniqueOrThrow({ where: { id: talk.id } });
    expect(moved.startsAt.toISOString()).toBe("2030-06-02T05:00:00.000Z");
    expect((await db.note.findUniqueOrThrow({ where: { id: note.id } })).talkId).toBe(talk.id);

    // Drag-and-drop: DynamoDB goes from Track 2 to the Track 1 cell of the same slot.
    await page
      .getByTestId("board-talk")
      .filter({ hasText: "DynamoDB at scale" })
      .dragTo(page.getByTestId("cell-2030-06-01-10:00-Track 1"));
    await expect(page.getByTestId("cell-2030-06-01-10:00-Track 1")).toContainText("DynamoDB at scale");
    await db.$disconnect();

    // A member sees the grid, stars two talks and downloads "My agenda".
    const memberContext = await browser.newContext({ acceptDownloads: true });
    const member = await memberContext.newPage();
    await signedInUser(member);
    await member.goto(`/events/${slug}`);
    const grid = member.getByTestId("agenda-grid");
    await expect(grid.getByText("Opening keynote")).toBeVisible();
    await expect(grid.getByRole("columnheader", { name: "Track 3" })).toBeVisible();
    await grid.getByRole("button", { name: "Add to my agenda: Opening keynote" }).click();
    await expect(grid.getByRole("button", { name: "Remove from my agenda: Opening keynote" })).toBeEnabled();
    await grid.getByRole("button", { name: "Add to my agenda: DynamoDB at scale" }).click();
    await expect(grid.getByRole("button", { name: "Remove from my agenda: DynamoDB at scale" })).toBeEnabled();
    await member.getByRole("link", { name: "My agenda" }).first().click();
    await expect(member.getByTestId("my-agenda-list").getByRole("listitem")).toHaveCount(2);
    const [download] = await Promise.all([member.waitForEvent("download"), member.getByTestId("download-ics").click()]);
    const ics = await readFile((await download.path())!, "utf8");
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary).sort()).toEqual([`DynamoDB at scale (${name})`, `Opening keynote (${name})`]);
    const keynote = events.find((e) => e.summary.startsWith("Opening"))!;
    expect(keynote.startDate.toJSDate().toISOString()).toBe("2030-06-01T00:00:00.000Z");
    await memberContext.close();
  },
);

test("members cannot reach the admin pages", async ({ page }) => {
  await signedInUser(page);
  const res = await page.goto("/admin/events");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
});

test("the Now button jumps to the live talk in the chosen track on a phone", async ({ page }) => {
  // The demo event runs on 2016-05-17 in Seoul; the e2e server does not pin the clock, so we pin the
  // browser's clock to 13:10 Seoul time during the first afternoon talk.
  await page.clock.setFixedTime(new Date("2016-05-17T04:10:00Z"));
  await page.setViewportSize({ width: 375, height: 700 });
  await page.goto("/events/aws-summit-seoul-2016");
  await page.getByLabel("Track").selectOption({ label: "Track 1 · Room 301" });
  await page.getByTestId("now-button").click();
  const live = page.getByTestId("agenda-track-list").locator("li[data-now-row]");
  await expect(live).toContainText("나에게 맞는 AWS 데이터베이스 서비스 선택하기");
  await expect(live).toContainText("Live");
});
