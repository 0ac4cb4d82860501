import type { Locale } from "../config";
import en from "./en.json";
import ko from "./ko.json";
import insightsEn from "./insights.en.json";
import insightsKo from "./insights.ko.json";
import teamsEn from "./teams.en.json";
import teamsKo from "./teams.ko.json";
import writeupsEn from "./writeups.en.json";
import writeupsKo from "./writeups.ko.json";
import errorsEn from "./errors.en.json";
import errorsKo from "./errors.ko.json";

type Messages = Record<string, unknown>;

/**
 * Messages live in one file per product area and locale (`en.json` is the core; `teams.en.json`,
 * `insights.en.json`, `writeups.en.json` add their own top-level namespaces), so areas can grow
 * without stepping on each other. A namespace may be defined by one area only.
 */
export const MESSAGE_AREAS: Record<Locale, Record<string, Messages>> = {
  en: { core: en, teams: teamsEn, insights: insightsEn, writeups: writeupsEn, errors: errorsEn },
  ko: { core: ko, teams: teamsKo, insights: insightsKo, writeups: writeupsKo, errors: errorsKo },
};

export function mergeAreas(areas: Record<string, Messages>): Messages {
  const out: Messages = {};
  const owner = new Map<string, string>();
  for (const [area, messages] of Object.entries(areas)) {
    for (const [ns, value] of Object.entries(messages)) {
      const previous = owner.get(ns);
      if (previous) throw new Error(`message namespace "${ns}" is defined by both ${previous} and ${area}`);
      owner.set(ns, area);
      out[ns] = value;
    }
  }
  return out;
}

const cache = new Map<Locale, Messages>();

export function loadMessages(locale: Locale): Messages {
  let messages = cache.get(locale);
  if (!messages) {
    messages = mergeAreas(MESSAGE_AREAS[locale]);
    cache.set(locale, messages);
  }
  return messages;
}
