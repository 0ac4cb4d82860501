// Write-ups through the browser: each real fixture imported by upload (title, date, the 2016 times,
// every line stored), export → copy/download → re-import as a new event gives the same talks and text,
// and bad files are refused with a clear message.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { WRITEUP_FIXTURES } from "../lib/testing/fixtures";
import { formatIsoDate, formatTime } from "../lib/time/zoned";
import { e2eDb } from "./db";
import { signedInUser, DB } from "./helpers";

const FIXTURES = WRITEUP_FIXTURES;
const CASES = [
  { file: "aws-summit-2016.md", title: "AWS Summit 2016", date: "2016-05-17", dateInPost: false, talks: 6 },
  { file: "aws-summit-korea-2015.md", title: "AWS Summit korea", date: "2015-04-21", dateInPost: true, talks: 7 },
  { file: "awsome-day.md", title: "AWSome Day", date: "2017-06-08", dateInPost: false, talks: 6 },
] as const;

/** Preview → a new event (with the date when the post has none) → Import; returns the new event's slug. */
async function importAsNewEvent(
  page: Page,
  fill: (page: Page) => Promise<void>,
  expected: { title: string; date: string; dateInPost: boolean },
) {
  await page.goto("/writeups/import");
  await fill(page);
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByTestId("writeup-preview");
  await expect(preview).toBeVisible();
  await preview.getByLabel("Notes go to").selectOption({ label: "A new event" });
  await expect(preview.getByLabel("Event name")).toHaveValue(expected.title);
  const date = preview.getByLabel("Date", { exact: true });
  if (expected.dateInPost) await expect(date).toHaveValue(expected.date);
  else {
    await expect(date).toHaveValue("");
    await expect(preview.getByText("The post gives no date")).toBeVisible();
    await date.fill(expected.date);
  }
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const done = page.getByTestId("writeup-done");
  await expect(done).toContainText(`Imported into ${expected.title}`);
  const href = await done.getByRole("link", { name: "Open the event" }).getAttribute("href");
  return href!.split("/").pop()!;
}

async function storedEvent(slug: string, email: string) {
  const db = e2eDb();
  try {
    const event = await db.event.findUniqueOrThrow({ where: { slug } });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const talks = await db.talk.findMany({
      where: { eventId: event.id },
      orderBy: { startsAt: "asc" },
      include: { notes: { where: { authorId: user.id } } },
    });
    const eventNotes = await db.note.findMany({ where: { eventId: event.id, talkId: null, authorId: user.id } });
    return {
      name: event.name,
      date: formatIsoDate(event.startDate, event.timeZone),
      talks: talks.map((t) => ({
        title: t.title,
        time: `${formatTime(t.startsAt, event.timeZone)}-${formatTime(t.endsAt, event.timeZone)}`,
        note: t.notes[0]?.body ?? "",
      })),
      eventNotes: eventNotes.map((n) => n.body),
    };
  } finally {
    await db.$disconnect();
  }
}

for (const c of CASES) {
  test(`imports ${c.file} through the browser: title, date, talks and every line`, DB, async ({ page }) => {
    const { email } = await signedInUser(page, { name: "Writeup Importer" });
    const slug = await importAsNewEvent(
      page,
      (p) => p.getByLabel("Markdown file").setInputFiles(path.join(FIXTURES, c.file)),
      c,
    );
    const stored = await storedEvent(slug, email);
    expect(stored.name).toBe(c.title);
    expect(stored.date).toBe(c.date);
    if (c.file === "aws-summit-2016.md") {
      expect(stored.talks.map((t) => t.time)).toEqual([
        "13:00-13:40",
        "13:50-14:30",
        "14:40-15:10",
        "15:40-16:10",
        "16:20-17:00",
        "17:10-17:50",
      ]);
    }
    expect(stored.talks).toHaveLength(c.talks);
    // Every non-empty line of the body is in a note, or is a talk's own heading (kept as its title and time).
    const source = fs.readFileSync(path.join(FIXTURES, c.file), "utf8");
    const body = source.split("\n").slice(source.split("\n").indexOf("---", 1) + 1);
    const noteLines = new Set(
      [...stored.eventNotes, ...stored.talks.map((t) => t.note)].flatMap((n) => n.split("\n")).map((l) => l.trim()),
    );
    const isHeading = (line: string, i: number) =>
      stored.talks.some((t) => line.includes(t.title)) ||
      (/^-{3,}$/.test(line) && stored.talks.some((t) => body[i - 1]?.trim() === t.title));
    const missing = body
      .map((l) => l.trim())
      .filter((line, i) => line !== "" && !noteLines.has(line) && !isHeading(line, i));
    expect(missing).toEqual([]);
    // The event page shows it.
    await page.goto(`/events/${slug}`);
    await expect(page.getByRole("heading", { level: 1, name: c.title })).toBeVisible();
  });
}

test(
  "export → copy and download → re-import as a new event gives the same talks and note text",
  DB,
  async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const { email } = await signedInUser(page, { name: "Writeup Exporter" });
    const c = CASES[0];
    const slug = await importAsNewEvent(
      page,
      (p) => p.getByLabel("Markdown file").setInputFiles(path.join(FIXTURES, c.file)),
      c,
    );

    await page.goto("/writeups");
    await page
      .getByTestId("export-events")
      .getByRole("link", { name: new RegExp(c.title) })
      .click();
    await expect(page).toHaveURL(new RegExp(`/events/${slug}/writeup`));
    await page.getByRole("link", { name: "Hugo" }).click();
    await expect(page).toHaveURL(/flavour=hugo/);
    const text = await page.getByTestId("writeup-markdown").inputValue();
    expect(text).toContain("draft: false");
    expect(text).toContain("### 13:00 - 13:40 나에게 맞는 AWS 데이터베이스 서비스 선택하기");

    await page.getByRole("button", { name: "Copy to clipboard" }).click();
    await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("writeup-download").click()]);
    expect(download.suggestedFilename()).toBe(`${c.date}-${slug}.md`);
    const downloaded = fs.readFileSync((await download.path())!, "utf8");
    expect(downloaded).toBe(text);

    // The print page renders the post without its front matter.
    await page.getByRole("link", { name: "Print-friendly page" }).click();
    await expect(page.getByRole("heading", { level: 3, name: /13:00 - 13:40/ })).toBeVisible();
    await expect(page.getByText("draft: false")).toHaveCount(0);

    // Re-import the downloaded post by pasting it.
    const again = await importAsNewEvent(
      page,
      async (p) => {
        await p.getByRole("tab", { name: "Paste text" }).click();
        await p.getByLabel("Markdown text").fill(downloaded);
      },
      { title: c.title, date: c.date, dateInPost: true },
    );
    expect(again).not.toBe(slug);
    const [first, second] = await Promise.all([storedEvent(slug, email), storedEvent(again, email)]);
    // Headings inside a note sit one level below the talk in the post: compare the text, not the level.
    const talks = (e: typeof first) => e.talks.map((t) => ({ ...t, note: t.note.replace(/^#{1,6} /gm, "# ") }));
    expect(talks(second)).toEqual(talks(first));
    const words = (notes: string[]) =>
      notes
        .join("\n")
        .replace(/^#{1,6} /gm, "")
        .split("\n")
        .filter((l) => l.trim());
    expect(words(second.eventNotes)).toEqual(words(first.eventNotes));
  },
);

test("bad files are refused with a clear message and nothing is written", DB, async ({ page }) => {
  const { email } = await signedInUser(page, { name: "Writeup Refused" });
  await page.goto("/writeups/import");
  const file = page.getByLabel("Markdown file");
  const tries: [string, Buffer, string][] = [
    ["image.md", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), "This is not a text file."],
    ["cp949.md", Buffer.from([0x23, 0x20, 0xc8, 0xc4, 0xb1, 0xe2]), "The file is not UTF-8 text"],
    ["big.md", Buffer.alloc(10 * 1024 * 1024, "a"), "The file is larger than 1 MB."],
    [
      "yaml.md",
      Buffer.from('---\ntitle: "AWS Summit\ndate: [2016\n---\n\n### 13:00 - 13:40 A\n'),
      "The front matter (between the --- lines) is not valid YAML or TOML.",
    ],
  ];
  for (const [name, buffer, message] of tries) {
    await file.setInputFiles({ name, mimeType: "text/markdown", buffer });
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByTestId("writeup-status").getByRole("alert")).toContainText(message);
    await expect(page.getByTestId("writeup-preview")).toHaveCount(0);
  }
  const db = e2eDb();
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  expect(await db.note.count({ where: { authorId: user.id } })).toBe(0);
  await db.$disconnect();
});

test("the hub offers import, export and a backup download", async ({ page }) => {
  const { email } = await signedInUser(page, { name: "Writeup Backup" });
  await page.goto("/writeups");
  await expect(page.getByRole("heading", { level: 1, name: "Write-ups" })).toBeVisible();
  await expect(page.getByText("You have no notes yet.")).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download my backup" }).click(),
  ]);
  const backup = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
  expect(backup).toMatchObject({ format: "summit-notes-backup", version: 1, scope: "user", user: email });
  expect(backup.tables.users[0].passwordHash).toBeNull();
  await expect(page.getByRole("link", { name: "Download instance backup" })).toHaveCount(0);
});

test(
  "the preview fixes a structure no rule understood: split, merge, turn notes into talks and back",
  DB,
  async ({ page }) => {
    const { email } = await signedInUser(page, { name: "Writeup Restructurer" });
    const name = `Cloud Day ${Date.now().toString(36)}`;
    const post = [
      "---",
      "title: Cloud Day 후기",
      "date: 2024-03-02",
      "---",
      "",
      "오늘 들은 것들.",
      "",
      "## 오전",
      "",
      "### 서버리스 입문",
      "",
      "람다함수 이야기.",
      "",
      "### 컨테이너 입문",
      "",
      "ECS 이야기.",
      "",
      "## 부스 세션: Bedrock 데모",
      "",
      "베드록으로 만든 챗봇.",
      "",
    ].join("\n");
    await page.goto("/writeups/import");
    await page.getByRole("tab", { name: "Paste text" }).click();
    await page.getByLabel("Markdown text").fill(post);
    await page.getByRole("button", { name: "Preview" }).click();
    const preview = page.getByTestId("writeup-preview");
    await expect(preview).toBeVisible();
    await preview.getByLabel("Event name").fill(name);
    const titles = preview.getByTestId("writeup-section-title");
    const kinds = preview.getByTestId("writeup-section-kind");
    // The parser's guess: "오전" is one talk with both lectures glued in it; the booth session a note.
    await expect(titles).toHaveText(["Section 1", "오전", "부스 세션: Bedrock 데모"]);
    await expect(kinds).toHaveText(["Event note", "Talk", "Event note"]);
    await expect(preview.getByTestId("writeup-guesses")).toContainText("no time in the post");

    // 오전 is a part of the day, not a talk: back to a note (its title stays in the text as a heading) …
    await page.getByRole("button", { name: "Section 2 · Make it an event note" }).click();
    await expect(page.getByLabel("Section 2 · Note text")).toHaveValue(/^### 오전\n/);
    // … split before each lecture: each heading becomes a talk of its own …
    await page.getByLabel("Section 2 · Split this section before").selectOption({ label: "### 서버리스 입문" });
    await page.getByRole("button", { name: "Section 2 · Split", exact: true }).click();
    await page.getByLabel("Section 3 · Split this section before").selectOption({ label: "### 컨테이너 입문" });
    await page.getByRole("button", { name: "Section 3 · Split", exact: true }).click();
    // … merge the now empty "오전" note into the intro, and make the booth session a talk.
    await page.getByRole("button", { name: "Section 1 · Merge with the next section" }).click();
    await page.getByRole("button", { name: "Section 4 · Make it a talk" }).click();
    await expect(titles).toHaveText(["Section 1", "서버리스 입문", "컨테이너 입문", "부스 세션: Bedrock 데모"]);
    await expect(kinds).toHaveText(["Event note", "Talk", "Talk", "Talk"]);
    // Retitle and time one talk; the others keep their place with their time unknown.
    await page.getByLabel("Section 3 · Title").fill("컨테이너 입문 (ECS)");
    await page.getByLabel("Section 3 · Starts").fill("11:00");
    await page.getByLabel("Section 3 · Ends").fill("11:40");
    // The suggested tags say which words matched.
    await expect(page.getByRole("listitem", { name: "Section 2" })).toContainText("람다함수");

    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect(page.getByTestId("writeup-done")).toContainText(`Imported into ${name}`);

    const db = e2eDb();
    try {
      const event = await db.event.findFirstOrThrow({ where: { name } });
      const user = await db.user.findUniqueOrThrow({ where: { email } });
      const talks = await db.talk.findMany({
        where: { eventId: event.id },
        orderBy: { startsAt: "asc" },
        include: { notes: { where: { authorId: user.id }, include: { revisions: true } } },
      });
      expect(talks.map((t) => [t.title, t.timeUnknown])).toEqual([
        ["서버리스 입문", true],
        ["컨테이너 입문 (ECS)", false],
        ["부스 세션: Bedrock 데모", true],
      ]);
      expect(formatTime(talks[1].startsAt, event.timeZone)).toBe("11:00");
      expect(talks.map((t) => t.notes[0]?.body)).toEqual(["람다함수 이야기.", "ECS 이야기.", "베드록으로 만든 챗봇."]);
      // Saved through the note save path: a first revision with an op id.
      expect(talks[0].notes[0].revisions).toMatchObject([
        { version: 1, clientOpId: expect.stringMatching(/^writeup-/) },
      ]);
      const notes = await db.note.findMany({ where: { eventId: event.id, talkId: null, authorId: user.id } });
      expect(notes.map((n) => n.body)).toEqual(["오늘 들은 것들.\n\n### 오전"]);
      // The agenda shows no placeholder time for the talks whose time is unknown.
      await page.goto(`/events/${event.slug}`);
      await expect(page.getByText("Time unknown").filter({ visible: true }).first()).toBeVisible();
      await expect(page.getByText("09:00")).toHaveCount(0);
    } finally {
      await db.$disconnect();
    }
  },
);
