import { expect, test } from "@playwright/test";
import { fixtureTalks, generateFrabXml } from "../lib/agenda/test-fixtures";
import { e2eDb } from "./db";
import { DEMO_ADMIN, signInViaApi, DB } from "./helpers";

test("an admin previews and imports a 100+ talk frab schedule, then exports it", DB, async ({ page }) => {
  const acronym = `conf${Date.now().toString(36)}`;
  const options = { title: `Import Conf ${acronym}`, acronym, timeZone: "Europe/Berlin" };
  const xml = generateFrabXml(options);
  const expected = fixtureTalks(options);
  await signInViaApi(page, DEMO_ADMIN);
  await page.goto("/admin/events/import");
  await page
    .getByLabel("Schedule file")
    .setInputFiles({ name: "schedule.xml", mimeType: "application/xml", buffer: Buffer.from(xml) });
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText(`Import Conf ${acronym}`);
  await expect(preview).toContainText(`${expected.length} talks`);
  await preview.getByRole("button", { name: `Import ${expected.length} talks` }).click();
  await expect(page.getByTestId("import-status")).toContainText("Imported into");
  await page.getByRole("link", { name: "Open the agenda" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Import Conf ${acronym}` })).toBeVisible();
  await expect(page.getByText("Times in Europe/Berlin")).toBeVisible();

  const db = e2eDb();
  const event = await db.event.findFirstOrThrow({
    where: { name: `Import Conf ${acronym}` },
    include: { _count: { select: { talks: true, days: true } } },
  });
  expect(event._count.talks).toBe(expected.length);
  await db.$disconnect();

  const res = await page.request.get(`/api/events/${event.slug}/export?format=xml`);
  expect(res.status()).toBe(200);
  expect(await res.text()).toContain("<schedule");
});

test("a broken schedule is explained and nothing is written", DB, async ({ page }) => {
  await signInViaApi(page, DEMO_ADMIN);
  await page.goto("/admin/events/import");
  await page.getByLabel("Schedule file").setInputFiles({
    name: "schedule.xml",
    mimeType: "application/xml",
    buffer: Buffer.from("<html><body>not a schedule</body></html>"),
  });
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("import-errors")).toBeVisible();
  await expect(page.getByTestId("import-preview").getByRole("button", { name: /Import/ })).toBeDisabled();
  // The endpoint itself refuses to apply it, and refuses non-admins.
  const applied = await page.request.post("/api/admin/agenda/import?filename=schedule.xml&mode=apply", {
    data: "<html/>",
    headers: { "Content-Type": "application/xml" },
  });
  expect(applied.status()).toBe(422);
  const anonymous = await page.context().browser()!.newContext();
  const denied = await anonymous.request.post(
    `${page.url().split("/admin")[0]}/api/admin/agenda/import?filename=a.xml&mode=apply`,
    { data: "<schedule/>" },
  );
  expect(denied.status()).toBe(401);
  await anonymous.close();
  // (That nothing is written for each kind of broken file is checked on both databases in lib/data/agenda-import.test.ts.)
});
