import { expect, test, type Browser, type Page } from "@playwright/test";
import { e2eDb } from "./db";
import { createParallelEvent } from "./fixtures";
import { DEMO_ADMIN, signedInUser, signInViaApi, uniqueEmail, DB } from "./helpers";

async function newUser(browser: Browser, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signedInUser(page, { name, email: uniqueEmail(name.toLowerCase()) });
  await page.goto("/");
  return page;
}

async function writeTeamNote(page: Page, slug: string, talkId: string, text: string) {
  await page.goto(`/events/${slug}/talks/${talkId}/note`);
  const editor = page.getByLabel("Note (Markdown)");
  await expect(editor).toBeEditable();
  await editor.fill(text);
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  const sharing = page.getByTestId("note-sharing");
  await sharing.getByLabel("My teams").check();
  await sharing.getByRole("button", { name: "Update sharing" }).click();
  await expect(sharing.getByTestId("sharing-current")).toHaveText("My teams");
}

test(
  "a team covers parallel tracks, reviews the notes and merges a write-up; a note made private disappears",
  DB,
  async ({ browser }) => {
    test.setTimeout(180_000);
    const event = await createParallelEvent("Team Summit");
    const owner = await newUser(browser, "Olivia");
    const ben = await newUser(browser, "Ben");
    const chloe = await newUser(browser, "Chloe");

    // The owner creates the team and two single-use invite links.
    await owner.goto("/teams");
    await expect(owner.getByText("You are in no team yet")).toBeVisible();
    await owner.getByLabel("Team name").fill("Cloud Guild");
    await owner.getByRole("button", { name: "Create team" }).click();
    await expect(owner.getByTestId("team-name")).toHaveText("Cloud Guild");
    const teamUrl = owner.url();
    const links: string[] = [];
    for (let i = 0; i < 2; i++) {
      await owner.getByRole("button", { name: "Create invite link" }).click();
      await expect(owner.getByTestId("invite-url")).not.toHaveValue(links[0] ?? "");
      links.push(await owner.getByTestId("invite-url").inputValue());
    }
    expect(links[0]).not.toBe(links[1]);

    // Each member accepts one link; reusing a link is refused.
    for (const [page, link] of [
      [ben, links[0]],
      [chloe, links[1]],
    ] as const) {
      await page.goto(link!);
      await page.getByRole("button", { name: "Join the team" }).click();
      await expect(page.getByText("You joined Cloud Guild as Editor.")).toBeVisible();
    }
    await chloe.goto(links[0]!);
    await chloe.getByRole("button", { name: "Join the team" }).click();
    await expect(chloe.getByText("This invite link has already been used")).toBeVisible();
    await owner.goto(teamUrl);
    await expect(owner.getByTestId("team-member")).toHaveCount(3);

    // Coverage: Ben and Chloe claim the two parallel 13:00 talks; 14:00 stays uncovered.
    const planUrl = `${teamUrl}/events/${event.slug}/plan`;
    for (const [page, talk] of [
      [ben, event.talks.dynamo],
      [chloe, event.talks.lambda],
    ] as const) {
      await page.goto(planUrl);
      await page
        .locator(`[data-talk-id="${talk.id}"]`)
        .getByRole("button", { name: /I'll cover this/ })
        .click();
      await expect(page.locator(`[data-talk-id="${talk.id}"]`).getByRole("button", { name: /Drop/ })).toBeVisible();
    }
    await owner.goto(planUrl);
    await expect(owner.locator(`[data-talk-id="${event.talks.dynamo.id}"]`).getByTestId("claimers")).toHaveText("Ben");
    await expect(owner.locator(`[data-talk-id="${event.talks.lambda.id}"]`).getByTestId("claimers")).toHaveText(
      "Chloe",
    );
    await expect(owner.getByTestId("uncovered-count")).toHaveText("1 time slot has nobody");

    // Each writes a note and shares it with the team.
    await writeTeamNote(ben, event.slug, event.talks.dynamo.id, "Ben: single-table design and GSIs");
    await writeTeamNote(chloe, event.slug, event.talks.lambda.id, "Chloe: provisioned concurrency kills cold starts");

    // The owner reviews: both notes in the 13:00 slot, comments, marks reviewed.
    const reviewUrl = `${teamUrl}/events/${event.slug}/review`;
    await owner.goto(reviewUrl);
    const slot = owner.getByTestId("review-slot").filter({ hasText: "13:00" });
    await expect(slot.getByTestId("review-note")).toHaveCount(2);
    await expect(slot.getByTestId("review-note-author")).toHaveText(["Ben", "Chloe"]);
    const benNote = owner.getByRole("article", { name: "Ben's note" });
    await benNote.getByLabel("Comment").fill("Great summary — add the GSI limits?");
    await benNote.getByRole("button", { name: "Comment" }).click();
    await expect(benNote.getByTestId("comment-body")).toHaveText("Great summary — add the GSI limits?");
    const dynamoTalk = owner.locator(`[data-testid="review-talk"][data-talk-id="${event.talks.dynamo.id}"]`);
    await dynamoTalk.getByRole("button", { name: /Mark reviewed/ }).click();
    await expect(dynamoTalk.getByRole("button", { name: /Reviewed/ })).toHaveAttribute("aria-pressed", "true");

    // Ben answers in the thread, and edits his answer.
    await ben.goto(reviewUrl);
    const ownNote = ben.getByRole("article", { name: "Ben's note" });
    await ownNote.getByRole("button", { name: "Reply" }).click();
    await ownNote.getByLabel("Reply").fill("Will do");
    await ownNote.getByRole("button", { name: "Reply" }).last().click();
    await expect(ownNote.getByTestId("comment-body")).toHaveText(["Great summary — add the GSI limits?", "Will do"]);

    // Merged write-up with attribution, edited and saved.
    await owner.goto(`${teamUrl}/events/${event.slug}/writeup`);
    await owner.getByRole("button", { name: "Build draft from notes" }).click();
    const body = owner.getByTestId("writeup-body");
    await expect(body).toHaveValue(/#### Ben\n\nBen: single-table design and GSIs/);
    await expect(body).toHaveValue(/#### Chloe\n\nChloe: provisioned concurrency kills cold starts/);
    await body.press("Control+End");
    await body.pressSequentially("\nOur take: adopt both.");
    await owner.getByRole("button", { name: "Save write-up" }).click();
    await expect(owner.getByTestId("writeup-status")).toContainText("Saved");

    // Ben makes his note private again: gone from the review page and from a new draft.
    await ben.goto(`/events/${event.slug}/talks/${event.talks.dynamo.id}/note`);
    const sharing = ben.getByTestId("note-sharing");
    await sharing.getByLabel("Only me").check();
    await sharing.getByRole("button", { name: "Update sharing" }).click();
    await expect(sharing.getByTestId("sharing-current")).toHaveText("Only me");
    await owner.goto(reviewUrl);
    await expect(owner.getByTestId("review-note")).toHaveCount(1);
    await expect(owner.getByTestId("review-note-author")).toHaveText(["Chloe"]);
    await owner.goto(`${teamUrl}/events/${event.slug}/writeup`);
    owner.once("dialog", (d) => void d.accept());
    await owner.getByRole("button", { name: "Build draft from notes" }).click();
    await expect(body).not.toHaveValue(/Ben: single-table/);
    await expect(body).toHaveValue(/Chloe: provisioned concurrency/);

    const db = e2eDb();
    try {
      const note = await db.note.findFirstOrThrow({
        where: { talkId: event.talks.dynamo.id, author: { name: "Ben" } },
        select: { visibility: true, _count: { select: { shares: true } } },
      });
      expect(note).toEqual({ visibility: "PRIVATE", _count: { shares: 0 } });
    } finally {
      await db.$disconnect();
    }
  },
);

test("a public link shows a note read-only to anyone until it is revoked", DB, async ({ browser, page }) => {
  const event = await createParallelEvent("Public Link");
  const author = await newUser(browser, "Dana");
  await author.goto(`/events/${event.slug}/talks/${event.talks.later.id}/note`);
  const editor = author.getByLabel("Note (Markdown)");
  await editor.fill("Glacier Instant Retrieval <img src=x onerror=alert(1)>");
  await expect(author.getByTestId("save-status")).toHaveText("Saved");
  const sharing = author.getByTestId("note-sharing");
  await sharing.getByLabel("Anyone with the link").check();
  await sharing.getByRole("button", { name: "Update sharing" }).click();
  const url = await sharing.getByTestId("public-url").inputValue();
  // The note as Markdown, from the editor page.
  await author.reload();
  const [download] = await Promise.all([author.waitForEvent("download"), author.getByTestId("note-markdown").click()]);
  expect(
    await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8")),
  ).toContain("Glacier Instant Retrieval");
  expect(url).toMatch(/\/p\/[A-Za-z0-9_-]{32}$/);

  page.on("dialog", () => {
    throw new Error("a dialog opened: script ran");
  });
  await page.goto(url);
  await expect(page.getByTestId("public-note-body")).toContainText("Glacier Instant Retrieval");
  await expect(page.getByText("Note by Dana")).toBeVisible();

  await sharing.getByRole("button", { name: "Revoke link" }).click();
  await expect(sharing.getByTestId("sharing-current")).toHaveText("Only me");
  const gone = await page.goto(url);
  expect(gone?.status()).toBe(404);
});

test("an admin disables an account: it is signed out at once and keeps its data", async ({ browser, page }) => {
  const victim = await newUser(browser, "Evan");
  await signInViaApi(page, DEMO_ADMIN);
  await page.goto("/admin/users?q=evan");
  const row = page.getByTestId("user-row").filter({ hasText: "Evan" }).first();
  page.once("dialog", (d) => void d.accept());
  await row.getByRole("button", { name: /Disable/ }).click();
  await expect(row.getByTestId("user-status")).toHaveText("Disabled");
  await victim.goto("/teams");
  await expect(victim).toHaveURL(/\/sign-in/);
  await row.getByRole("button", { name: /Enable/ }).click();
  await expect(row.getByTestId("user-status")).toHaveText("Active");
});
