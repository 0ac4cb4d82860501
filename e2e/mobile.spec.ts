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
