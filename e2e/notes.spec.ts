import { expect, test, type Page } from "@playwright/test";
import { e2eDb } from "./db";
import { signedInUser, signInViaApi, DB } from "./helpers";

const TALK_TITLE = "Lambda를 활용한 서버없는 아키텍쳐 구현하기";

async function openTalkNote(page: Page) {
  await page.goto("/events/aws-summit-seoul-2016");
  await page.getByTestId("agenda-grid").getByRole("link", { name: TALK_TITLE }).click();
  await page.getByTestId("note-link").click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(TALK_TITLE) })).toBeVisible();
  const editor = page.getByLabel("Note (Markdown)");
  await expect(editor).toBeEditable();
  return editor;
}

async function typeAtEnd(page: Page, text: string) {
  const editor = page.getByLabel("Note (Markdown)");
  await editor.press("Control+End");
  await editor.pressSequentially(text, { delay: 5 });
}

const status = (page: Page) => page.getByTestId("save-status");

async function serverBody(email: string) {
  const db = e2eDb();
  try {
    const talk = await db.talk.findFirstOrThrow({ where: { title: TALK_TITLE } });
    return (await db.note.findFirst({ where: { talkId: talk.id, author: { email } } }))?.body ?? null;
  } finally {
    await db.$disconnect();
  }
}

test("typing offline, reloading offline and coming back online loses nothing", DB, async ({ page, context }) => {
  const user = await signedInUser(page);
  await openTalkNote(page);
  await typeAtEnd(page, "first part. ");
  await expect(status(page)).toHaveText("Saved");
  // The service worker has this page (and its scripts) before we cut the network.
  await page.waitForFunction(
    async () => !!navigator.serviceWorker.controller && !!(await caches.match(location.pathname)),
    undefined,
    { timeout: 15_000 },
  );

  await context.setOffline(true);
  await typeAtEnd(page, "second part. ");
  await expect(status(page)).toHaveText("Offline – will sync");
  await page.reload();
  await expect(page.getByLabel("Note (Markdown)")).toHaveValue("first part. second part. ");
  await typeAtEnd(page, "third part.");
  await expect(status(page)).toHaveText("Offline – will sync");
  expect(await serverBody(user.email)).toBe("first part. ");

  await context.setOffline(false);
  await expect(status(page)).toHaveText("Saved", { timeout: 30_000 });
  expect(await serverBody(user.email)).toBe("first part. second part. third part.");
});

test(
  "two devices editing the same note: the stale save becomes a merge, nothing lost",
  DB,
  async ({ page, browser }) => {
    const user = await signedInUser(page);
    await openTalkNote(page);
    await typeAtEnd(page, "Alpha line");
    await expect(status(page)).toHaveText("Saved");

    const other = await browser.newContext();
    const page2 = await other.newPage();
    await signInViaApi(page2, user);
    await openTalkNote(page2);
    await expect(page2.getByLabel("Note (Markdown)")).toHaveValue("Alpha line");

    await typeAtEnd(page, "\nA adds");
    await expect(status(page)).toHaveText("Saved");
    await typeAtEnd(page2, "\nB adds");
    await expect(status(page2)).toHaveText("Conflict");
    const conflict = page2.getByTestId("conflict");
    await expect(conflict.getByTestId("conflict-mine")).toHaveValue("Alpha line\nB adds");
    await expect(conflict.getByTestId("conflict-theirs")).toHaveValue("Alpha line\nA adds");
    await expect(conflict.getByTestId("conflict-merged")).toHaveValue("Alpha line\nA adds\nB adds");
    await conflict.getByRole("button", { name: "Save merged text" }).click();
    await expect(status(page2)).toHaveText("Saved");
    await expect(page2.getByTestId("conflict")).toHaveCount(0);
    expect(await serverBody(user.email)).toBe("Alpha line\nA adds\nB adds");
    await other.close();
  },
);

test("history shows a diff between versions and restores an older one", DB, async ({ page }) => {
  const user = await signedInUser(page);
  const editor = await openTalkNote(page);
  // One input event per version (fill, not typing): version 1 is exactly this text, whatever the autosave timing.
  await editor.fill("DynamoDB is fast");
  await expect.poll(() => serverBody(user.email)).toBe("DynamoDB is fast");
  await editor.fill("DynamoDB is fast and cheap");
  await expect.poll(() => serverBody(user.email)).toBe("DynamoDB is fast and cheap");
  await expect(status(page)).toHaveText("Saved");
  await page.reload();
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { name: "History of this note" })).toBeVisible();
  await expect(page.getByTestId("revision-diff").locator("ins")).toContainText(["cheap"]);
  const list = page.getByTestId("revision-list").getByRole("listitem");
  await expect(list).toHaveCount(2);
  await page.getByRole("button", { name: "Restore this version (Version 1)" }).click();
  await expect(list).toHaveCount(3);
  await page.getByRole("link", { name: "Back to the note" }).click();
  await expect(page.getByLabel("Note (Markdown)")).toHaveValue("DynamoDB is fast");
  // Restoring is a new version with the old text, not a rewind.
  expect(await serverBody(user.email)).toBe("DynamoDB is fast");
});

test(
  "services mentioned in the text are suggested and accepted as tags; script in a note never runs",
  DB,
  async ({ page }) => {
    await signedInUser(page);
    await openTalkNote(page);
    await typeAtEnd(
      page,
      '람다와 DynamoDB, S3 <script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2">',
    );
    await expect(status(page)).toHaveText("Saved");
    const suggestions = page.getByTestId("tag-suggestions");
    for (const name of ["Lambda", "DynamoDB", "S3"]) {
      await suggestions.getByRole("button", { name: `Add ${name}` }).click();
      await expect(page.getByTestId("note-tags")).toContainText(name);
    }
    await expect(page.getByTestId("tag-suggestions")).toHaveCount(0);

    // Autocomplete in Korean, and a free-form topic.
    const input = page.getByRole("combobox", { name: "Add a service or #topic" });
    await input.fill("글래시어");
    await expect(page.getByRole("listbox").getByRole("option").first()).toContainText("Glacier");
    await input.press("Enter");
    await expect(page.getByTestId("note-tags")).toContainText("Glacier");
    await input.fill("#serverless");
    await input.press("Enter");
    await expect(page.getByTestId("note-tags")).toContainText("#serverless");

    await page.getByRole("tab", { name: "Preview" }).click();
    await expect(page.getByTestId("note-preview")).toContainText("람다와 DynamoDB");
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  },
);
