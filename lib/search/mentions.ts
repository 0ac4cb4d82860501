// Confirms that an occurrence of a short alias really names the service, using the service
// matcher's word rules: "람다와" is Lambda, "람다식" is not; "IAM 폴리시" is not Amazon Polly;
// "S3 Glacier" is Glacier, not S3. The database finds candidate rows by plain substring; this
// runs only on rows that matched through such an alias and nothing else.
import type { ServiceMatcher } from "../catalog/service-matcher";
import { escapeRegExp, mergeRanges, type Range } from "./snippet";
import type { QueryGroup } from "./query";

const CONTEXT_WORDS = 2; // enough for the longest-match rule ("Amazon S3 Glacier")

/** Start of the word `words` whitespace-separated words before `from` (or 0). */
function wordsBefore(text: string, from: number, words: number): number {
  let i = from;
  for (let w = 0; w <= words; w++) {
    while (i > 0 && /\s/.test(text[i - 1]) === false) i--;
    if (w === words || i === 0) break;
    while (i > 0 && /\s/.test(text[i - 1])) i--;
  }
  return i;
}

function wordsAfter(text: string, from: number, words: number): number {
  let i = from;
  for (let w = 0; w <= words; w++) {
    while (i < text.length && !/\s/.test(text[i])) i++;
    if (w === words || i === text.length) break;
    while (i < text.length && /\s/.test(text[i])) i++;
  }
  return i;
}

function countMentions(matcher: ServiceMatcher, text: string, slug: string): number {
  return matcher.findMentions(text).find((m) => m.slug === slug)?.count ?? 0;
}

/**
 * Occurrences of `alias` in `text` that the matcher counts as mentions of `slug`. Each occurrence is
 * judged in a small window of surrounding words: it is a mention if blanking it out of the window
 * leaves fewer mentions of the service (so another mention nearby does not vouch for it).
 */
export function confirmedMentionRanges(matcher: ServiceMatcher, text: string, slug: string, alias: string): Range[] {
  const ranges: Range[] = [];
  for (const m of text.matchAll(new RegExp(escapeRegExp(alias), "giu"))) {
    const start = m.index;
    const end = start + m[0].length;
    const from = wordsBefore(text, start, CONTEXT_WORDS);
    const window = text.slice(from, wordsAfter(text, end, CONTEXT_WORDS));
    const withIt = countMentions(matcher, window, slug);
    if (withIt === 0) continue;
    const blanked = window.slice(0, start - from) + " ".repeat(end - start) + window.slice(end - from);
    if (countMentions(matcher, blanked, slug) < withIt) ranges.push([start, end]);
  }
  return ranges;
}

export type MentionMatcherFor = (slug: string) => ServiceMatcher;

/** Ranges of a group's checked alternatives that are confirmed mentions of its service. */
export function confirmedGroupRanges(matcherFor: MentionMatcherFor, text: string, group: QueryGroup): Range[] {
  const slug = group.serviceSlug;
  const checked = group.alternatives.filter((a) => a.needsMentionCheck);
  if (!slug || !checked.length) return [];
  const matcher = matcherFor(slug);
  return mergeRanges(checked.flatMap((a) => confirmedMentionRanges(matcher, text, slug, a.text)));
}

/** Whether a text that matched the group only through checked alternatives really mentions the service. */
export function confirmsGroup(matcherFor: MentionMatcherFor, text: string, group: QueryGroup): boolean {
  return confirmedGroupRanges(matcherFor, text, group).length > 0;
}
