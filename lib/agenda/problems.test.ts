import { describe, expect, it } from "vitest";
import { detectAgendaFormat, parseAgenda } from "./detect";
import { agendaErrors, agendaWarnings } from "./plan";
import { BAD_AGENDAS, smallFrab } from "./test-fixtures";

describe("bad agendas are refused with a sentence that says what and where", () => {
  for (const bad of BAD_AGENDAS) {
    it(bad.name, () => {
      const messages = agendaErrors(parseAgenda(bad.filename, bad.text())).map((p) => p.message);
      expect(messages.length).toBeGreaterThan(0);
      if (typeof bad.message === "string") expect(messages).toContain(bad.message);
      else
        expect(
          messages.some((m) => (bad.message as RegExp).test(m)),
          messages.join("\n"),
        ).toBe(true);
    });
  }

  it("refuses an unknown time zone given by the caller", () => {
    const plan = parseAgenda("a.csv", "date,start,end,title\n2024-05-16,10:00,10:30,X\n", {
      timeZone: "Asia/Nowhere",
      eventName: "E",
    });
    expect(agendaErrors(plan).map((p) => p.message)).toEqual([
      "The time zone 'Asia/Nowhere' given for the import is not a known IANA time zone (e.g. Asia/Seoul).",
    ]);
  });
});

describe("markup in titles", () => {
  it("strips tags from a title with a script, keeps the text, and warns instead of failing", () => {
    const xml = smallFrab((talks) =>
      talks.map((t) =>
        t.guid === "talk-1-1-1" ? { ...t, title: '<script>alert("x")</script>Intro to <b>Lambda</b>' } : t,
      ),
    );
    const plan = parseAgenda("s.xml", xml);
    expect(agendaErrors(plan)).toEqual([]);
    expect(plan.talks.find((t) => t.guid === "talk-1-1-1")!.title).toBe("Intro to Lambda");
    const warnings = agendaWarnings(plan).map((p) => p.message);
    expect(warnings).toEqual([
      "Talk 'Intro to Lambda' (day 2024-05-16, room 'Room 301', event 'talk-1-1-1') had script markup in its title; the tags were removed and the title is kept as plain text.",
    ]);
    expect(JSON.stringify(plan)).not.toMatch(/<script|<b>/);
  });

  it("leaves angle brackets that are not HTML alone", () => {
    const plan = parseAgenda(
      "s.xml",
      smallFrab((talks) =>
        talks.map((t) => (t.guid === "talk-1-1-1" ? { ...t, title: "Generics <T> & List<String>" } : t)),
      ),
    );
    expect(plan.talks.find((t) => t.guid === "talk-1-1-1")!.title).toBe("Generics <T> & List<String>");
    expect(agendaWarnings(plan)).toEqual([]);
  });
});

describe("detectAgendaFormat", () => {
  it("goes by the extension first, then by the content", () => {
    expect(detectAgendaFormat("fosdem.XML", "")).toBe("frab-xml");
    expect(detectAgendaFormat("schedule.json", "<schedule/>")).toBe("pretalx-json");
    expect(detectAgendaFormat("agenda.csv", "")).toBe("csv");
    expect(detectAgendaFormat("upload", "\uFEFF  <?xml version='1.0'?><schedule/>")).toBe("frab-xml");
    expect(detectAgendaFormat("upload", '{"schedule": {}}')).toBe("pretalx-json");
    expect(detectAgendaFormat("upload", "Date,Start,End,Track,Room,Title\n")).toBe("csv");
    expect(detectAgendaFormat("notes.txt", "hello")).toBeNull();
  });
});
