// Tags for a planned write-up: the services each talk (its title counts) and each event note
// mention, in prose only (code blocks are not prose). The import preview and the corpus
// evaluation use the same function.
import { proseForMentions } from "../catalog/mention-context";
import type { ServiceMatcher, ServiceMention } from "../catalog/service-matcher";
import type { WriteupPlan } from "./types";

/** The text a section's tags are read from: a talk's title, then its note. */
export function sectionTagText(title: string | undefined, body: string): string {
  return proseForMentions([title?.trim() ?? "", body].filter(Boolean).join("\n\n"));
}

export function sectionMentions(matcher: ServiceMatcher, title: string | undefined, body: string): ServiceMention[] {
  return matcher.findMentions(sectionTagText(title, body));
}

/** Every service slug suggested anywhere in the plan. */
export function suggestPlanTags(matcher: ServiceMatcher, plan: WriteupPlan): string[] {
  const pieces = [
    ...plan.eventNotes.map((n) => ({ title: undefined, body: n.body })),
    ...plan.talks.map((t) => ({ title: t.title, body: t.body })),
  ];
  return [...new Set(pieces.flatMap((p) => sectionMentions(matcher, p.title, p.body).map((m) => m.slug)))];
}
