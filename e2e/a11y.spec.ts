import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createParallelEvent } from "./fixtures";
import { DEMO_ADMIN, signedInUser, signInViaApi } from "./helpers";

// axe-core on the main pages: no serious or critical violations (WCAG 2.1 A/AA rules).
async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
  expect(bad, what).toEqual([]);
}

async function publicPages(page: Page) {
  for (const [url, what] of [
    ["/events", "events list"],
    ["/events/aws-summit-seoul-2016", "agenda"],
    ["/sign-in", "sign-in"],
    ["/compare", "compare"],
    ["/search?q=%EB%9E%8C%EB%8B%A4", "search"],
  ] as const) {
    await page.goto(url);
    await expectAccessible(page, what);
  }
  await page.goto("/events/aws-summit-seoul-2016");
  await page.getByTestId("agenda-grid").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page, "talk page");
}

test("public pages: events, agenda, talk, sign-in, compare, search", async ({ page }) => {
  await publicPages(page);
});

test("signed-in pages: note editor, teams, review, write-up", async ({ page }) => {
  const event = await createParallelEvent("A11y");
  await signedInUser(page, { name: "Ada" });
  await page.goto(`/events/${event.slug}/talks/${event.talks.dynamo.id}/note`);
  await page.getByLabel("Note (Markdown)").fill("DynamoDB 파티션 키 설계");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await expectAccessible(page, "note editor");
  await page.goto("/teams");
  await page.getByLabel("Team name").fill("A11y team");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByTestId("team-name")).toHaveText("A11y team");
  await expectAccessible(page, "team page");
  const team = page.url();
  await page.goto(`/events/${event.slug}/talks/${event.talks.dynamo.id}/note`);
  await page.getByTestId("note-sharing").getByLabel("My teams").check();
  await page.getByRole("button", { name: "Update sharing" }).click();
  await expect(page.getByTestId("sharing-current")).toHaveText("My teams");
  for (const tab of ["plan", "review", "writeup"]) {
    await page.goto(`${team}/events/${event.slug}/${tab}`);
    await expectAccessible(page, tab);
  }
});

test("admin pages: events, event editor, import, users", async ({ page }) => {
  await signInViaApi(page, DEMO_ADMIN);
  for (const url of ["/admin/events", "/admin/events/aws-summit-seoul-2016", "/admin/events/import", "/admin/users"]) {
    await page.goto(url);
    await expectAccessible(page, url);
  }
});

async function keyboardJourney(page: Page, labels: { editor: string; saved: string }) {
  await signedInUser(page, { name: "Kim" });
  await page.goto("/events/aws-summit-seoul-2016");
  // Tab to the first talk link in the grid, open it, then reach "Take notes" and type.
  const firstTalk = page.getByTestId("agenda-grid").getByRole("link").first();
  for (let i = 0; i < 80 && !(await firstTalk.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(firstTalk).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const noteLink = page.getByTestId("note-link");
  for (let i = 0; i < 40 && !(await noteLink.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(noteLink).toBeFocused();
  await page.keyboard.press("Enter");
  const editor = page.getByLabel(labels.editor);
  await expect(editor).toBeEditable();
  for (let i = 0; i < 40 && !(await editor.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(editor).toBeFocused();
  await page.keyboard.type("키보드만으로 작성");
  await expect(page.getByTestId("save-status")).toHaveText(labels.saved);
}

test("keyboard only: open the talk on now and take a note without the mouse", async ({ page }) => {
  await keyboardJourney(page, { editor: "Note (Markdown)", saved: "Saved" });
});

// The same in the Korean UI (the default for Korean browsers).
test.describe("Korean UI", () => {
  test.use({ locale: "ko-KR" });

  test("public pages in Korean: events, agenda, talk, sign-in, compare, search", async ({ page }) => {
    await publicPages(page);
  });

  test("keyboard only in Korean: open a talk and take a note without the mouse", async ({ page }) => {
    await keyboardJourney(page, { editor: "노트 (마크다운)", saved: "저장됨" });
  });
});
