// Issue 12: `12345678901`, `qwerty12345`, `password1234`, `summit2016!` were accepted. Over HTTP,
// with the messages in both languages: e2e/attacks/auth.spec.ts.
import { describe, expect, it } from "vitest";
import { passwordProblem, personalWords } from "./password-strength";

const ana = { email: "ana.kim@example.com", name: "Ana Kim" };

describe("passwordProblem", () => {
  it("refuses the issue's passwords, each with a reason", async () => {
    expect(await passwordProblem("12345678901", ana)).toBe("password_common");
    expect(await passwordProblem("qwerty12345", ana)).toBe("password_common");
    expect(await passwordProblem("password1234", ana)).toBe("password_common");
    expect(await passwordProblem("summit2016!", ana)).toBe("password_personal");
  });

  it("refuses the user's own name and email, keyboard walks, repeats and dates", async () => {
    expect(await passwordProblem("anakim1234!", ana)).toBe("password_personal");
    expect(await passwordProblem("example.com1", ana)).toMatch(/^password_(personal|common)$/);
    expect(await passwordProblem("asdfghjkl;'", ana)).toBe("password_pattern");
    expect(await passwordProblem("abababababab", ana)).toBe("password_repetitive");
    expect(await passwordProblem("19870512!!", ana)).toBe("password_dates");
  });

  it("accepts passphrases, and the passwords the seed and the tests use", async () => {
    for (const p of [
      "correct horse battery",
      "a brand new passphrase",
      "another long passphrase",
      "violet harbour lantern",
      "a long passphrase",
    ]) {
      expect(await passwordProblem(p, ana), p).toBeNull();
    }
    expect(
      await passwordProblem("SummitAdmin2016!", { email: "admin@summit-notes.local", name: "Demo Admin" }),
    ).toBeNull();
    expect(
      await passwordProblem("SummitMember2016!", { email: "member@summit-notes.local", name: "Demo Member" }),
    ).toBeNull();
  });

  it("stays cheap on long adversarial input (only the first 64 characters are scored)", async () => {
    await passwordProblem("warm up the dictionaries", ana);
    const inputs = [
      "Pa$sw0rd!qwertyuiop1qaz".repeat(9),
      "@4$5!1|0371".repeat(19),
      "p4$$w0rd".repeat(25),
      "1234567890".repeat(20),
    ];
    for (const input of inputs) {
      const before = process.cpuUsage();
      await passwordProblem(input.slice(0, 200), ana);
      const used = process.cpuUsage(before);
      expect((used.user + used.system) / 1000, input.slice(0, 20)).toBeLessThan(500);
    }
  });

  it("knows the user's words and the site's", () => {
    expect(personalWords(ana)).toEqual(
      expect.arrayContaining(["ana.kim@example.com", "ana", "kim", "example", "summit", "notes"]),
    );
  });
});
