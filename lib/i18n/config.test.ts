import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "./config";
import { loadMessages, MESSAGE_AREAS } from "./messages";

describe("localeFromAcceptLanguage", () => {
  it("takes the highest-ranked supported language", () => {
    expect(localeFromAcceptLanguage("fr-FR,ko;q=0.8,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("ko-KR,ko;q=0.9")).toBe("ko");
  });
  it("returns null when nothing fits", () => {
    expect(localeFromAcceptLanguage("fr,de;q=0.5")).toBeNull();
    expect(localeFromAcceptLanguage(undefined)).toBeNull();
  });
});

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === "object" && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe("messages", () => {
  it("Korean and English have the same keys", () => {
    expect(keys(loadMessages("ko")).sort()).toEqual(keys(loadMessages("en")).sort());
  });
  it("each area file pairs up across locales", () => {
    for (const area of Object.keys(MESSAGE_AREAS.en)) {
      expect(keys(MESSAGE_AREAS.ko[area] ?? {}).sort(), area).toEqual(keys(MESSAGE_AREAS.en[area] ?? {}).sort());
    }
  });
});
