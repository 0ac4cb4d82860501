// The write-up worker: same results as the in-process functions, crafted Markdown stopped at the time
// limit as TOO_COMPLEX, and the calling thread's event loop free the whole time.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exportWriteup } from "./export";
import { exportWriteupOffThread, mentionFinder, parseWriteupOffThread } from "./off-thread";
import { parseWriteup } from "./parse";
import { WriteupError, WRITEUP_TIME_LIMIT_MS } from "./types";

const fixture = readFileSync(path.resolve("test-fixtures/writeups/aws-summit-2016.md"), "utf8");

/** Runs `work` while timing the gaps between 20 ms ticks of this thread's event loop. */
async function longestStall<T>(
  work: () => Promise<T>,
): Promise<{ result: PromiseSettledResult<T>; stallMs: number; ticks: number }> {
  let last = performance.now();
  let stallMs = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
    ticks++;
  }, 20);
  const [result] = await Promise.allSettled([work()]);
  clearInterval(timer);
  return { result, stallMs: Math.max(stallMs, performance.now() - last), ticks };
}

describe("write-up work off the main thread", () => {
  it("parses a post exactly as parseWriteup does", async () => {
    expect(
      await parseWriteupOffThread(fixture, { fileName: "2016-05-17-aws-summit.md", timeZone: "Asia/Seoul" }),
    ).toEqual(parseWriteup(fixture, { fileName: "2016-05-17-aws-summit.md", timeZone: "Asia/Seoul" }));
  });

  it("exports as exportWriteup does (Dates cross the thread boundary)", async () => {
    const input = {
      event: { name: "AWS Summit", startDate: "2016-05-17", timeZone: "Asia/Seoul" },
      talks: [
        {
          title: "Lambda",
          startsAt: new Date("2016-05-17T04:00:00Z"),
          endsAt: new Date("2016-05-17T04:40:00Z"),
          speakers: ["A"],
          notes: [{ author: "B", body: "# Heading\n\n```\nopen fence" }],
        },
      ],
      eventNotes: [],
      services: ["AWS Lambda"],
      flavour: "hugo" as const,
    };
    expect(await exportWriteupOffThread(input)).toBe(exportWriteup(input));
  });

  it("keeps WriteupError codes (bad front matter) across the boundary", async () => {
    await expect(parseWriteupOffThread("+++\n[__proto__\n+++\n# T")).rejects.toMatchObject({
      name: "WriteupError",
      code: "INVALID_FRONT_MATTER",
    });
  });

  it("finds service mentions per text", async () => {
    const find = mentionFinder([
      { slug: "aws-lambda", name: "AWS Lambda", shortName: "Lambda", aliases: [{ alias: "람다", locale: "ko" }] },
    ]);
    const found = await find(["람다로 만든 API", "nothing", "AWS Lambda!", "```python\nf = lambda x: x + 1\n```"]);
    expect(found).toEqual([
      [{ slug: "aws-lambda", matched: ["람다"] }],
      [],
      [{ slug: "aws-lambda", matched: ["AWS Lambda"] }],
      [],
    ]);
  });

  it("stops crafted Markdown at the time limit (TOO_COMPLEX) while this thread's event loop keeps running", async () => {
    const crafted = `# T\n\n${"[a](".repeat(60_000)}`; // 240 KB: minutes of micromark
    const started = performance.now();
    const { result, stallMs, ticks } = await longestStall(() => parseWriteupOffThread(crafted));
    const took = performance.now() - started;
    expect(result.status).toBe("rejected");
    const error = (result as PromiseRejectedResult).reason as WriteupError;
    expect(error).toBeInstanceOf(WriteupError);
    expect(error.code).toBe("TOO_COMPLEX");
    expect(took).toBeGreaterThanOrEqual(WRITEUP_TIME_LIMIT_MS - 50);
    expect(took).toBeLessThan(WRITEUP_TIME_LIMIT_MS + 15_000);
    // Parsing in this thread would show one stall as long as the parse; off-thread the ticks keep coming.
    expect(ticks).toBeGreaterThan(WRITEUP_TIME_LIMIT_MS / 20 / 4);
    expect(stallMs).toBeLessThan(1_000);
    // The pool recovers: the next post is parsed by a fresh worker.
    expect((await parseWriteupOffThread("# AWS Summit 2016\n\n## 13:00 - 13:40 Lambda\n\ntext")).talks).toHaveLength(1);
  }, 60_000);

  it("Markdown nested deeper than the worker's stack is TOO_COMPLEX, not a crash", async () => {
    await expect(parseWriteupOffThread(`# T\n\n${">".repeat(100_000)} x`)).rejects.toMatchObject({
      code: "TOO_COMPLEX",
    });
  }, 60_000);
});
