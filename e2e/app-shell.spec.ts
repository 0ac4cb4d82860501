import { expect, test } from "@playwright/test";
import { signUp } from "./helpers";

test("the seeded demo event is listed and shows its agenda in Seoul time", async ({ page }) => {
  // A newcomer's home says what the app is and offers the demo accounts; the events are one click away.
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Summit Notes" })).toBeVisible();
  await expect(page.getByTestId("demo-accounts")).toContainText("member@summit-notes.local");
  await page.getByTestId("home-events").click();
  await expect(page).toHaveURL(/\/events$/);
  await page.getByRole("link", { name: /AWS Summit Seoul 2016/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "AWS Summit Seoul 2016" })).toBeVisible();
  const grid = page.getByTestId("agenda-grid");
  await expect(grid.getByText("Lambda를 활용한 서버없는 아키텍쳐 구현하기")).toBeVisible();
  await expect(grid.getByRole("rowheader", { name: "13:50–14:30" })).toBeVisible();
  await expect(grid.getByText("환영사 및 기조 연설")).toBeVisible();
  await expect(page.getByText("Times in Asia/Seoul")).toBeVisible();
});

test("switching the language changes the UI and sticks", async ({ page }) => {
  await page.goto("/events");
  await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
  await page.getByLabel("Switch language").selectOption("ko");
  await expect(page.getByRole("heading", { level: 1, name: "행사" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "행사" })).toBeVisible();
  await page.getByLabel("언어 바꾸기").selectOption("en");
  await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
});

test("a signed-in user's language setting follows them", async ({ page, browser }) => {
  const user = await signUp(page);
  await page.getByLabel("Switch language").selectOption("ko");
  await expect(page.getByRole("heading", { level: 1, name: "행사" })).toBeVisible();
  // A new browser with an English Accept-Language still gets Korean after signing in.
  const other = await browser.newContext({ locale: "en-US" });
  const page2 = await other.newPage();
  await page2.goto("/sign-in");
  await page2.getByLabel("Email").fill(user.email);
  await page2.getByLabel("Password").fill(user.password);
  await page2.getByRole("button", { name: "Sign in" }).click();
  await expect(page2.getByRole("heading", { level: 1, name: "행사" })).toBeVisible();
  await other.close();
});

test("unknown pages show the not-found page", async ({ page }) => {
  const res = await page.goto("/events/no-such-event");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
