// Issue 17 through the real server: an admin imports a schedule v2 (hub) file on the import page;
// the export endpoint's XML and JSON pass the official c3voc validators (xmllint + the XSD, ajv +
// schema.json); the exported JSON re-imported into the same event changes nothing; its talk urls
// open the talk pages.
import { expect, test } from "@playwright/test";
import { SCHEDULE_V2 } from "../lib/agenda/test-fixtures-v2";
import { scheduleJsonErrors, scheduleXmlErrors } from "../lib/agenda/validators/validate";
import { DEMO_ADMIN, signIn } from "./helpers";

test("an admin imports a schedule v2 file; its exports pass the c3voc validators and re-import unchanged", async ({
  page,
}) => {
  const acronym = `hub${Date.now().toString(36)}`;
  const title = `Hub Congress ${acronym}`;
  const file = structuredClone(SCHEDULE_V2);
  Object.assign(file.schedule.conference, { acronym, title });
  await signIn(page, DEMO_ADMIN);
  await page.goto("/admin/events/import");
  await page
    .getByLabel("Schedule file")
    .setInputFiles({ name: "schedule.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText(title);
  await expect(preview).toContainText("6 talks");
  await expect(preview).toContainText("Warnings (2)"); // the lunch break is not a talk; topic tracks span rooms
  await preview.getByRole("button", { name: "Import 6 talks" }).click();
  await expect(page.getByTestId("import-status")).toContainText("Imported into");

  const xml = await page.request.get(`/api/events/${acronym}/export?format=xml`);
  expect(xml.status()).toBe(200);
  expect(scheduleXmlErrors(await xml.text())).toEqual([]);
  const jsonRes = await page.request.get(`/api/events/${acronym}/export?format=json`);
  expect(jsonRes.status()).toBe(200);
  const json = await jsonRes.text();
  expect(scheduleJsonErrors(json)).toEqual([]);

  // The imported talk kept its guid and slug; its url is this server's talk page.
  const opening = JSON.parse(json).schedule.conference.days[0].rooms["Saal 1"][0];
  expect(opening).toMatchObject({ guid: "270fa44c-821a-577f-8ca3-33e8d4a8c2a7", slug: "hubcon24-opening-ceremony" });
  const origin = new URL(page.url()).origin;
  expect(opening.url.startsWith(`${origin}/events/${acronym}/talks/`)).toBe(true);
  await page.goto(opening.url);
  await expect(page.getByRole("heading", { level: 1, name: "Opening Ceremony" })).toBeVisible();

  // The export, re-imported into the same event (the admin endpoint): nothing to change.
  const reimport = (mode: string) =>
    page.request.post(`/api/admin/agenda/import?filename=export.json&mode=${mode}&event=${acronym}`, {
      data: json,
      headers: { "Content-Type": "application/json" },
    });
  const previewed = await reimport("preview");
  expect(previewed.status()).toBe(200);
  expect((await previewed.json()).preview.changes).toMatchObject({
    added: [],
    updated: [],
    moved: [],
    removed: [],
    unchanged: 6,
  });
  const applied = await reimport("apply");
  expect(applied.status()).toBe(201);
  expect((await applied.json()).summary.talks).toEqual({
    added: 0,
    updated: 0,
    moved: 0,
    unchanged: 6,
    removed: 0,
    kept: [],
  });
});
