// Agenda files made to hurt the parsers: prototype keys in XML, JSON and CSV; XML nested a
// million deep or with 200,000 attributes. Each is a plan with a clear problem (or read without the
// key), never a thrown error (a 500 at the route) and never a polluted prototype.
import { afterEach, describe, expect, it } from "vitest";
import { parseAgendaCsv } from "./csv";
import { MAX_XML_ATTRIBUTES, MAX_XML_DEPTH, parseFrabXml } from "./frab-xml";
import { agendaErrors } from "./plan";
import { parsePretalxJson } from "./pretalx-json";
import { PRETALX_SCHEDULE, smallFrab } from "./test-fixtures";

const probe = () => ({}) as Record<string, unknown>;
const cpuMs = (run: () => unknown) => {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

afterEach(() => {
  expect(probe().polluted, "Object.prototype was polluted").toBeUndefined();
  expect(probe().guid).toBeUndefined();
});

describe("frab XML", () => {
  it("an element named __proto__, constructor or prototype is ignored, not a crash", () => {
    const base = smallFrab();
    for (const name of ["__proto__", "constructor", "prototype"]) {
      const xml = base
        .replace("<conference>", `<conference><${name}><polluted>1</polluted></${name}>`)
        .replace("<title>", `<${name} guid="evil">x</${name}><title>`);
      const plan = parseFrabXml(xml);
      expect(agendaErrors(plan), name).toEqual(agendaErrors(parseFrabXml(base)));
      expect(plan.talks.length, name).toBe(parseFrabXml(base).talks.length);
    }
  });

  it("nesting a million deep is refused quickly with the reason", () => {
    const xml = `<schedule>${"<a>".repeat(1_000_000)}${"</a>".repeat(1_000_000)}</schedule>`;
    let plan!: ReturnType<typeof parseFrabXml>;
    expect(cpuMs(() => (plan = parseFrabXml(xml)))).toBeLessThan(1_000);
    expect(agendaErrors(plan).map((p) => p.message)).toEqual([
      `The XML is nested more than ${MAX_XML_DEPTH} elements deep (line 1); a frab schedule is only a few levels deep.`,
    ]);
  });

  it("200,000 attributes on one element are refused quickly with the reason", () => {
    const xml = `<schedule ${Array.from({ length: 200_000 }, (_, i) => `a${i}="1"`).join(" ")}/>`;
    let plan!: ReturnType<typeof parseFrabXml>;
    expect(cpuMs(() => (plan = parseFrabXml(xml)))).toBeLessThan(1_000);
    expect(agendaErrors(plan).map((p) => p.message)).toEqual([
      `An element has more than ${MAX_XML_ATTRIBUTES} attributes (line 1); frab schedule elements have a few.`,
    ]);
  });
});

describe("pretalx JSON", () => {
  it("__proto__ keys (a room named __proto__, event fields, the conference) are dropped while reading", () => {
    const json = JSON.stringify(PRETALX_SCHEDULE)
      .replace('"rooms":{"Tan Room"', '"rooms":{"__proto__":[{"guid":"evil","title":"x","polluted":1}],"Tan Room"')
      .replace(
        '"conference":{',
        '"conference":{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},',
      );
    expect(json).toContain('"__proto__":[{"guid":"evil"');
    const plan = parsePretalxJson(json);
    const clean = parsePretalxJson(JSON.stringify(PRETALX_SCHEDULE));
    expect(agendaErrors(plan)).toEqual([]);
    expect(plan.talks.map((t) => t.guid)).toEqual(clean.talks.map((t) => t.guid));
    expect(plan.tracks.map((t) => t.room)).not.toContain("__proto__");
  });

  it("JSON nested far too deep is a clear problem, not a stack overflow", () => {
    const plan = parsePretalxJson(`{"schedule":${"[".repeat(500_000)}${"]".repeat(500_000)}}`);
    expect(agendaErrors(plan)).toHaveLength(1);
  });
});

describe("CSV", () => {
  it("columns named __proto__ or constructor are unknown columns, not object keys", () => {
    const csv = "date,start,end,title,__proto__,constructor\n2024-05-16,10:00,10:40,Lambda,{},x\n";
    const plan = parseAgendaCsv(csv, { timeZone: "Asia/Seoul" });
    expect(agendaErrors(plan)).toEqual([]);
    expect(plan.talks.map((t) => t.title)).toEqual(["Lambda"]);
    expect(plan.problems.map((p) => p.message)).toContain("The CSV column(s) (__proto__), (constructor) are not used.");
  });
});
