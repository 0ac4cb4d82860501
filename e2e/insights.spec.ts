import { expect, test } from "@playwright/test";
import { e2eDb } from "./db";
import { signedInUser, DB } from "./helpers";

// Two more events beside the demo (AWS Summit Seoul 2016), notes of the signed-up reader in each,
// and a private note of another user that must never show up anywhere.
const DEMO = "aws-summit-seoul-2016";
const SECRET = "secret-xyz-다이나모-람다";

async function arrange(readerEmail: string) {
  const db = e2eDb();
  try {
    const s = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const reader = await db.user.findUniqueOrThrow({ where: { email: readerEmail } });
    const other = await db.user.create({ data: { email: `other-${s}@example.test`, name: `Other ${s}` } });
    const services = new Map(
      (await db.service.findMany({ where: { slug: { in: ["lambda", "dynamodb"] } } })).map((x) => [x.slug, x.id]),
    );
    const event = async (year: number, month: number, abstract: string) => {
      const start = new Date(Date.UTC(year, month, 10, 0));
      const e = await db.event.create({
        data: {
          name: `AWS Summit Seoul ${year} ${s}`,
          series: "AWS Summit Seoul",
          slug: `summit-${year}-${s}`,
          startDate: start,
          endDate: start,
          timeZone: "Asia/Seoul",
        },
      });
      const track = await db.track.create({ data: { eventId: e.id, name: "Data" } });
      const talk = await db.talk.create({
        data: {
          eventId: e.id,
          trackId: track.id,
          title: `DynamoDB ${year} 설계 패턴`,
          abstract,
          startsAt: start,
          endsAt: new Date(start.getTime() + 2_400_000),
        },
      });
      return { ...e, talk };
    };
    const e2015 = await event(2015, 3, "Amazon DynamoDB와 AWS Glue로 만드는 분석 파이프라인");
    const e2023 = await event(2023, 4, "Amazon DynamoDB와 Amazon Bedrock으로 만드는 생성형 AI");
    const demo = await db.event.findUniqueOrThrow({ where: { slug: DEMO } });
    const note = (authorId: string, eventId: string, talkId: string | null, body: string, tags: string[] = []) =>
      db.note.create({
        data: {
          authorId,
          eventId,
          talkId,
          body,
          tags: { create: tags.map((slug) => ({ serviceId: services.get(slug)! })) },
        },
      });
    const notes = {
      n2015: await note(reader.id, e2015.id, e2015.talk.id, `2015 노트 ${s}: DynamoDB 파티션 키 설계`),
      n2016: await note(reader.id, demo.id, null, `2016 노트 ${s}: 다이나모DB 요금`),
      n2023: await note(reader.id, e2023.id, e2023.talk.id, `2023 노트 ${s}: DynamoDB on-demand`),
      taggedLambda: await note(reader.id, e2023.id, null, `태그 노트 ${s}: AWS Lambda cold start`, ["lambda"]),
      koreanLambda: await note(reader.id, e2015.id, null, `한글 노트 ${s}: 람다 함수로 썸네일 만들기`),
      secret: await note(other.id, e2023.id, e2023.talk.id, `${SECRET} ${s} DynamoDB AWS Lambda`, [
        "lambda",
        "dynamodb",
      ]),
    };
    return { s, e2015, e2023, demo, notes };
  } finally {
    await db.$disconnect();
  }
}

test("service page, comparison and search across events, without another user's private note", DB, async ({ page }) => {
  const reader = await signedInUser(page, { name: "Insights Reader" });
  const world = await arrange(reader.email);
  const ours = [world.e2015.slug, DEMO, world.e2023.slug];

  // The DynamoDB service page: our three events in time order, each with its own note.
  await page.goto("/services/dynamodb");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("DynamoDB");
  const groups = page.getByTestId("timeline-event");
  const slugs = (await groups.evaluateAll((els) => els.map((el) => el.getAttribute("data-event-slug")))).filter((x) =>
    ours.includes(x!),
  );
  expect(slugs).toEqual(ours);
  for (const [slug, noteId] of [
    [world.e2015.slug, world.notes.n2015.id],
    [DEMO, world.notes.n2016.id],
    [world.e2023.slug, world.notes.n2023.id],
  ]) {
    await expect(
      page.locator(`[data-testid="timeline-event"][data-event-slug="${slug}"] [data-note-id="${noteId}"]`),
    ).toBeVisible();
  }
  await expect(page.getByTestId("timeline-table")).toBeVisible();
  await expect(page.getByText(SECRET)).toHaveCount(0);
  // The year filter keeps only 2023.
  await page.getByRole("link", { name: "2023", exact: true }).click();
  await expect(page).toHaveURL(/year=2023/);
  await expect(page.locator(`[data-testid="timeline-event"][data-event-slug="${world.e2015.slug}"]`)).toHaveCount(0);
  await expect(page.locator(`[data-testid="timeline-event"][data-event-slug="${world.e2023.slug}"]`)).toBeVisible();

  // Comparing 2015 and 2023 through the form: heatmap, its table, and the services unique to each.
  await page.goto("/compare");
  await page.getByLabel(new RegExp(`AWS Summit Seoul 2015 ${world.s}`)).check();
  await page.getByLabel(new RegExp(`AWS Summit Seoul 2023 ${world.s}`)).check();
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/events=/);
  await expect(page.getByTestId("heatmap").locator("svg").first()).toBeVisible();
  const table = page.getByTestId("heatmap-table");
  await expect(table.getByRole("row", { name: /Amazon DynamoDB/ })).toBeVisible();
  await expect(page.locator(`[data-testid="unique-services"][data-event-slug="${world.e2015.slug}"]`)).toContainText(
    "AWS Glue",
  );
  await expect(page.locator(`[data-testid="unique-services"][data-event-slug="${world.e2023.slug}"]`)).toContainText(
    "Amazon Bedrock",
  );
  await expect(
    page.locator(`[data-testid="unique-services"][data-event-slug="${world.e2023.slug}"]`),
  ).not.toContainText("DynamoDB");
  // DynamoDB in 2023: the talk and the reader's note; the other user's private note is not counted.
  const dynamoRow = table.getByRole("row", { name: /Amazon DynamoDB/ });
  await expect(dynamoRow.getByRole("cell").nth(1)).toHaveAccessibleName("1 talks, 1 notes");
  // The notes on DynamoDB side by side, linked back to the notes.
  await dynamoRow.getByRole("link", { name: "Amazon DynamoDB" }).click();
  const focus = page.getByTestId("compare-focus");
  await expect(focus.locator(`[data-note-id="${world.notes.n2015.id}"]`)).toBeVisible();
  await expect(focus.locator(`[data-note-id="${world.notes.n2023.id}"]`)).toBeVisible();
  await expect(page.getByText(SECRET)).toHaveCount(0);

  // Searching 람다: the tagged "AWS Lambda" note and the note that says 람다, highlighted; not the secret.
  await page.goto("/search");
  await page.getByLabel("Search notes, talks and speakers").fill("람다");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const notes = page.getByTestId("search-notes");
  await expect(notes.locator(`[data-note-id="${world.notes.taggedLambda.id}"]`)).toBeVisible();
  // The catalog knows the compound (람다 함수): the whole of it is marked.
  await expect(notes.locator(`[data-note-id="${world.notes.koreanLambda.id}"] mark`)).toContainText("람다");
  await expect(notes.locator(`[data-note-id="${world.notes.taggedLambda.id}"] mark`)).toHaveText("AWS Lambda");
  await expect(notes.locator(`[data-note-id="${world.notes.secret.id}"]`)).toHaveCount(0);
  await expect(page.getByText(SECRET)).toHaveCount(0);
  // A facet narrows to one event; the result links back into the note.
  await page
    .getByTestId("search-facets")
    .getByRole("checkbox", { name: new RegExp(`AWS Summit Seoul 2015 ${world.s}`) })
    .click();
  await expect(notes.locator(`[data-note-id="${world.notes.taggedLambda.id}"]`)).toHaveCount(0);
  await notes.locator(`[data-note-id="${world.notes.koreanLambda.id}"]`).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/events/${world.e2015.slug}/notes/${world.notes.koreanLambda.id}`));

  // The secret really exists and matches: its absence above is the privacy rule, not a miss.
  await page.goto(`/search?q=${encodeURIComponent("secret-xyz")}`);
  await expect(page.getByTestId("search-empty")).toBeVisible();
});

test("anonymous visitors see talks but no notes", DB, async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("Lambda")}`);
  await expect(page.getByTestId("search-talks").getByTestId("talk-hit").first()).toBeVisible();
  await expect(page.getByTestId("search-notes")).toHaveCount(0);
  await page.goto("/compare?events=only-one");
  await expect(page.getByTestId("compare-error")).toHaveText("Choose at least two events.");
});
