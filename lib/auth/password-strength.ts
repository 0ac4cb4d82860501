// Password strength with zxcvbn-ts and its common + English dictionaries (shipped in the npm
// packages, nothing is fetched). The dictionaries are ~1.5 MB of JavaScript: loaded on the first
// check, once per server process, not at start-up and never in the browser.
//
// Cost is bounded: only the first SCORED_LENGTH characters are scored (a password that long whose
// first 64 characters are strong is strong), and l33t substitutions are capped at 10 per match
// (zxcvbn-ts's default of 100 made a 64-character password take over a second of CPU).
import "server-only";
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";

/** zxcvbn's scale: 3 = "safely unguessable: moderate protection from offline slow-hash scenario". */
export const MIN_SCORE = 3;
export const SCORED_LENGTH = 64;

/** Words that make a password easy to guess here, besides the user's own name and email. */
const SITE_WORDS = ["summit", "notes", "summitnotes", "summit-notes", "aws", "awssummit", "conference"];

/** Codes the forms translate (auth.errors.* and accountSecurity.errors.*). */
export type PasswordProblem =
  | "password_common"
  | "password_personal"
  | "password_pattern"
  | "password_repetitive"
  | "password_dates"
  | "password_weak";

const PROBLEM_OF_WARNING: Record<string, PasswordProblem> = {
  topTen: "password_common",
  topHundred: "password_common",
  common: "password_common",
  similarToCommon: "password_common",
  pwned: "password_common",
  userInputs: "password_personal",
  straightRow: "password_pattern",
  keyPattern: "password_pattern",
  sequences: "password_pattern",
  simpleRepeat: "password_repetitive",
  extendedRepeat: "password_repetitive",
  recentYears: "password_dates",
  dates: "password_dates",
};

let loading: Promise<ZxcvbnFactory> | undefined;

function estimator(): Promise<ZxcvbnFactory> {
  loading ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import("@zxcvbn-ts/core"),
      import("@zxcvbn-ts/language-common"),
      import("@zxcvbn-ts/language-en"),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      l33tMaxSubstitutions: 10,
    });
  })().catch((e: unknown) => {
    loading = undefined; // try again next time
    throw e;
  });
  return loading;
}

/** The user's own words: the email, its local part and domain labels, each word of the name. */
export function personalWords(inputs: { email?: string | null; name?: string | null }): string[] {
  const words = new Set<string>(SITE_WORDS);
  const email = inputs.email?.trim().toLowerCase();
  if (email) {
    words.add(email);
    const [local, domain = ""] = email.split("@");
    const parts = local.split(/[._+-]+/);
    for (const w of [local, parts.join(""), ...parts, ...domain.split(".")]) if (w.length >= 3) words.add(w);
  }
  const names = (inputs.name ?? "").toLowerCase().split(/\s+/);
  for (const w of [names.join(""), ...names]) if (w.length >= 3) words.add(w);
  return [...words];
}

/** Why the password is too easy to guess, or null when it is strong enough. */
export async function passwordProblem(
  password: string,
  inputs: { email?: string | null; name?: string | null },
): Promise<PasswordProblem | null> {
  const zxcvbn = await estimator();
  const result = zxcvbn.check(password.slice(0, SCORED_LENGTH), personalWords(inputs));
  if (result.score >= MIN_SCORE) return null;
  const fromWarning = result.feedback.warning ? PROBLEM_OF_WARNING[result.feedback.warning] : undefined;
  if (fromWarning) return fromWarning;
  if (result.sequence.some((m) => m.pattern === "dictionary" && m.dictionaryName === "userInputs"))
    return "password_personal";
  return "password_weak";
}
