// The preview's structure edits: split anywhere, merge neighbours, talk ↔ note, no text lost.
import { describe, expect, it } from "vitest";
import {
  isTalk,
  makeNote,
  makeTalk,
  mergeWithNext,
  splitPoints,
  splitSection,
  type EditableSection,
} from "./section-edits";

const section = (patch: Partial<EditableSection>): EditableSection => ({
  key: Math.random().toString(36),
  target: "event-note",
  title: "",
  startTime: "",
  endTime: "",
  timeUnknown: false,
  titleFromImage: false,
  speakers: [],
  body: "",
  tags: [],
  ...patch,
});

const lines = (sections: EditableSection[]) =>
  sections
    .flatMap((s) => [...(isTalk(s) && s.title ? [s.title] : []), ...s.body.split("\n")])
    .map((l) => l.replace(/^#+\s*/, "").trim())
    .filter(Boolean);

describe("structure edits", () => {
  const glued = section({
    target: "new-talk",
    title: "1교시. 클라우드 개요",
    body: "리전과 AZ.\n\n### 2교시. 서버리스\n\n람다함수를 만들었다.\n\n```\n# not a heading\n```",
    tags: [
      { slug: "lambda", name: "AWS Lambda", matched: ["람다함수"] },
      { slug: "vpc", name: "Amazon VPC", matched: ["VPC"] },
    ],
  });

  it("offers every heading and paragraph start, never a line inside code", () => {
    expect(splitPoints(glued.body).map((p) => p.text)).toEqual(["### 2교시. 서버리스", "람다함수를 만들었다.", "```"]);
  });

  it("splits at a heading into a new talk (time unknown) and keeps every line; tags follow their words", () => {
    const [a, b] = splitSection([glued], 0, 2, true);
    expect(a).toMatchObject({ title: "1교시. 클라우드 개요", body: "리전과 AZ.", tags: [] });
    expect(b).toMatchObject({ target: "new-talk", title: "2교시. 서버리스", timeUnknown: true });
    expect(b.tags.map((t) => t.slug)).toEqual(["lambda"]);
    expect(lines([a, b])).toEqual(lines([glued]));
  });

  it("splits at a paragraph into an event note; merging back gives the same lines", () => {
    const parts = splitSection([glued], 0, 4, true);
    expect(parts[1].target).toBe("event-note");
    expect(lines(mergeWithNext(parts, 0))).toEqual(lines([glued]));
  });

  it("turns a note into a talk titled by its heading, and back, without losing the heading", () => {
    const note = section({ title: "키노트", body: "## 키노트\n\n베드록 발표" });
    const talk = makeTalk(note);
    expect(talk).toMatchObject({ target: "new-talk", title: "키노트", body: "베드록 발표", timeUnknown: true });
    const back = makeNote(talk);
    expect(back).toMatchObject({ target: "event-note", body: "### 키노트\n\n베드록 발표" });
    const untitled = makeTalk(section({ body: "**Serverless patterns**\n- SQS" }));
    expect(untitled.title).toBe("Serverless patterns");
  });
});
