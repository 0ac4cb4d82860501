import { expect, test } from "@playwright/test";

test("the event list and agenda fit a phone screen", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto("/events");
  await expect(page.getByRole("link", { name: /AWS Summit Seoul 2016/ })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole("link", { name: /AWS Summit Seoul 2016/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "AWS Summit Seoul 2016" })).toBeVisible();
  const pageOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(pageOverflow).toBeLessThanOrEqual(0);
});

test("team pages, compare and search fit a phone screen", async ({ page }) => {
  const { createParallelEvent } = await import("./fixtures");
  const { signedInUser } = await import("./helpers");
  const event = await createParallelEvent("Phone");
  await page.setViewportSize({ width: 375, height: 740 });
  await signedInUser(page, { name: "Phoebe" });
  await page.goto(`/events/${event.slug}/talks/${event.talks.lambda.id}/note`);
  await page
    .getByLabel("Note (Markdown)")
    .fill(
      "Lambda SnapStart 메모 — a long line without breaks: https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html",
    );
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await page.goto("/teams");
  await page.getByLabel("Team name").fill("Phone crew");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByTestId("team-name")).toHaveText("Phone crew");
  const team = page.url();
  await page.goto(`/events/${event.slug}/talks/${event.talks.lambda.id}/note`);
  await page.getByTestId("note-sharing").getByLabel("My teams").check();
  await page.getByRole("button", { name: "Update sharing" }).click();
  await expect(page.getByTestId("sharing-current")).toHaveText("My teams");
  for (const url of [
    team,
    `${team}/events/${event.slug}/plan`,
    `${team}/events/${event.slug}/review`,
    `${team}/events/${event.slug}/writeup`,
    "/compare",
    "/search?q=lambda",
  ]) {
    await page.goto(url);
    await expect(page.locator("main")).toBeVisible();
    // A too-wide page makes a phone zoom out (innerWidth grows with it): compare with the device width.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, url).toBeLessThanOrEqual(0);
  }
});
