import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { errorText } from "./error-text";
import { loadMessages } from "./messages";

const ROOT = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated" || name === "node_modules" || name.startsWith(".")) return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Every snake_case code the server can put in an error: AppError messages and zod messages. */
function serverCodes(): Set<string> {
  const codes = new Set<string>();
  const files = [
    ...sourceFiles(path.join(ROOT, "lib/validations")),
    ...sourceFiles(path.join(ROOT, "lib/data")),
    ...sourceFiles(path.join(ROOT, "lib/actions")),
    ...sourceFiles(path.join(ROOT, "lib/auth")),
    ...sourceFiles(path.join(ROOT, "app/api")),
    path.join(ROOT, "lib/http.ts"),
  ];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/new AppError\("[A-Z_]+",\s*"([a-z]+(?:_[a-z]+)+)"/g)) codes.add(m[1]);
    for (const m of text.matchAll(/code: "[A-Z_]+", message: "([a-z]+(?:_[a-z]+)+)"/g)) codes.add(m[1]);
    if (file.includes("validations"))
      for (const m of text.matchAll(/(?:message:\s*|,\s*)"([a-z]+(?:_[a-z]+)+)"\s*[,)}]/g)) codes.add(m[1]);
  }
  return codes;
}

const translators = (["en", "ko"] as const).map((locale) => ({
  locale,
  errors: errorText(
    createTranslator({ locale, messages: loadMessages(locale) as never, namespace: "appErrors" as never }) as never,
  ),
}));

describe("the one error translator", () => {
  it("has words in both languages for every code the server sends", () => {
    const codes = [...serverCodes()];
    expect(codes.length).toBeGreaterThan(60);
    for (const { locale, errors } of translators) {
      const missing = codes.filter(
        (c) =>
          errors.code(c, { minutes: 5, limit: 50, talkCount: 2, title: "t", time: "10:00", track: "A" }) ===
          errors.code("no_such_code_at_all"),
      );
      expect(missing, `codes without ${locale} words`).toEqual([]);
    }
  });

  it("never shows a raw code or an English sentence to a Korean reader", () => {
    const ko = translators.find((t) => t.locale === "ko")!.errors;
    const cases = [
      { ok: false as const, code: "INVALID", message: "note_too_large" },
      {
        ok: false as const,
        code: "CONFLICT",
        message: "Another change to this event happened during the import, so nothing was imported; try again.",
      },
      { ok: false as const, code: "NOT_FOUND", message: "something_new_nobody_translated" },
      { ok: false as const, code: "INVALID", message: "invalid_input", fieldErrors: { name: ["name_required"] } },
      { code: "TOO_LARGE", error: "body_too_large" },
      { error: "Unknown or revoked feed" },
    ];
    for (const c of cases) {
      const text = ko.message(c)!;
      expect(text, JSON.stringify(c)).toMatch(/[가-힣]/);
      expect(text).not.toMatch(/[a-z]+_[a-z]+|[A-Za-z]{4,} [a-z]{3,}/);
    }
    expect(
      ko.fieldErrors({
        ok: false,
        code: "INVALID",
        message: "invalid_input",
        fieldErrors: { name: ["name_required"], start: ["overlaps"] },
      }),
    ).toEqual({ name: ["이름을 입력하세요."] });
    expect(ko.message({ ok: true })).toBeNull();
  });

  it("fills in the details a message names", () => {
    const en = translators.find((t) => t.locale === "en")!.errors;
    expect(en.message({ ok: false, code: "INVALID", message: "too_many_tags", details: { limit: 50 } })).toBe(
      "A note can have at most 50 tags.",
    );
  });
});
