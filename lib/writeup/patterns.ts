// The text patterns write-ups use for structure, in Korean and English. Each is a heuristic: it
// decides how a section is *proposed* in the preview, never whether its text is kept.

const CLOCK = String.raw`([01]?\d|2[0-3])\s*[:：]\s*([0-5]\d)`;
const DASH = String.raw`\s*(?:-|–|—|~|∼|〜|to|부터)\s*`;
const RANGE = new RegExp(`${CLOCK}${DASH}${CLOCK}(?:\\s*까지)?`, "i");
// Wrappers a time may sit in: "[13:00 - 13:40]", "(13:00~13:40)", "**13:00 - 13:40**".
const OPEN = String.raw`^[\s*_\[(（【]*`;
const CLOSE = String.raw`[\s*_\])）】]*(?:[-–—:|·/]\s*)?`;
const LINE_RANGE = new RegExp(`${OPEN}${RANGE.source}${CLOSE}(.*)$`, "i");
const LINE_START = new RegExp(`${OPEN}${CLOCK}${CLOSE}(.+)$`);

const hhmm = (h: string, m: string) => `${h.padStart(2, "0")}:${m}`;

export type TimedTitle = { startTime: string; endTime?: string; title: string };

/** Cleans what is left around a removed time: "( )", "[]", leading/trailing "-", "|", ":". */
function tidyTitle(text: string): string {
  return text
    .replace(/[([（【]\s*[)\]）】]/g, "")
    .replace(/^[\s\-–—:|·/]+|[\s\-–—:|·/]+$/g, "")
    .replace(/\s{2,}/g, " ")
    .trim();
}

/** A time range anywhere in a heading ("13:00 - 13:40 제목", "제목 (13:00~13:40)"), or a leading start time. */
export function timedHeading(text: string): TimedTitle | undefined {
  const range = RANGE.exec(text);
  if (range) {
    const title = tidyTitle(text.slice(0, range.index) + " " + text.slice(range.index + range[0].length));
    return { startTime: hhmm(range[1], range[2]), endTime: hhmm(range[3], range[4]), title };
  }
  const start = LINE_START.exec(text);
  return start ? { startTime: hhmm(start[1], start[2]), title: tidyTitle(start[3]) } : undefined;
}

/** A plain line that starts with a time range and goes on with a title: a talk written without a heading. */
export function timedLine(text: string): TimedTitle | undefined {
  const m = LINE_RANGE.exec(text);
  // A raw line, not plain text: "**13:00 - 13:40 제목**" leaves emphasis marks around the title.
  const title = m ? tidyTitle(m[5].replace(/^[*_]+|[*_]+$/g, "")) : "";
  return m && title ? { startTime: hhmm(m[1], m[2]), endTime: hhmm(m[3], m[4]), title } : undefined;
}

const END = String.raw`(?=$|[\s:.)\]\-–—|·,])`;
// How Korean and English posts number the parts of a day. A word for a part with a number
// ("세션 2", "Session 2", "Part 3", "Module 1", "Lab 2", "Lecture 4", "강연 1", "발표 2", "챕터 3",
// "Day 2"), a number with a counter word ("1교시", "2부", "3강", "제1강", "제 2 부", "2일차",
// "3번째 세션", "Session #4"), or a Korean ordinal ("첫 번째 세션", "두번째 강연", "둘째 날").
const PART_WORDS = String.raw`세션|섹션|session|part|module|모듈|lab|랩|lecture|강의|강연|발표|talk|chapter|챕터|day|코너`;
const COUNTERS = String.raw`교시|부|강|장|일\s*차|일째|번째\s*(?:세션|강연|발표|강의|시간)?|차시|회차?|과`;
const ORDINALS = String.raw`(?:첫|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s*(?:번째|째)\s*(?:세션|강연|발표|강의|시간|파트|날)?|(?:첫|둘|셋|넷)째\s*날`;
const NUMBERED = String.raw`\d{1,2}|[IVX]{1,4}(?![a-z])|one|two|three|four|five|six|seven|eight|nine|ten`;
const SESSION = new RegExp(
  [
    `^[\\s\\[(【]*(?:${PART_WORDS})\\s*#?\\s*(?:${NUMBERED})${END}`,
    `^[\\s\\[(【]*제?\\s*\\d{1,2}\\s*(?:${COUNTERS})${END}`,
    `^[\\s\\[(【]*(?:${ORDINALS})${END}`,
  ].join("|"),
  "i",
);
/** "세션 1", "Session 2: Serverless", "2부", "1교시.", "제3강", "Part 4", "Day 2 -": numbered parts of the day. */
export const isSessionHeading = (text: string) => SESSION.test(text);

const DAY =
  /^[\s[(【]*(?:day\s*(?:\d{1,2}|one|two|three)|\d{1,2}\s*일\s*(?:차|째)|(?:첫|둘|셋|넷)\s*째\s*날|(?:첫|두|세)\s*번째\s*날)(?=$|[\s:.)\]\-–—|·,])/i;
/** "Day 2 - 개발자 트랙", "2일차", "둘째 날": a day of the event; with talks under it, a container. */
export const isDayHeading = (text: string) => DAY.test(text);

/** A numbered part's title without its number: "세션 2 - 핵심 서비스" → "핵심 서비스". */
export function partCore(text: string): string {
  const m = SESSION.exec(text);
  const rest = m ? text.slice(m[0].length) : text;
  return rest.replace(/^[\s.:\-–—|·)\]】]+/, "").trim();
}

// "핵심 서비스 (2)", "핵심 서비스 2부", "핵심 서비스 Part 2", "핵심 서비스 (계속)", "Serverless (cont.)"
const CONTINUED =
  /\s*(?:[([（]\s*(?:\d{1,2}|계속|continued|cont\.?|part\s*\d{1,2})\s*[)\]）]|-?\s*\d{1,2}\s*부|part\s*\d{1,2}|(?:pt\.?|#)\s*\d{1,2}|\d{1,2}|(?:계속|continued|cont\.))\s*$/i;
const normCore = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");

/**
 * A heading that continues an earlier part under its own title plus a number ("핵심 서비스 (2)",
 * "핵심 서비스 2부" after "세션 2 - 핵심 서비스"): a talk of its own, not an event note.
 */
export function continuesPart(text: string, earlier: string[]): boolean {
  if (!CONTINUED.test(text)) return false;
  const core = normCore(text.replace(CONTINUED, ""));
  if (core.length < 2) return false;
  return earlier.some((e) => {
    const other = normCore(partCore(e));
    return other.length >= 2 && (other === core || normCore(e) === core);
  });
}

const CONTAINER =
  /강연|발표|세션|트랙|프로그램|아젠다|일정|\b(?:agenda|sessions|talks|tracks|schedule|program(?:me)?)\b/i;
/** A heading that groups the talks ("## 강연 트랙", "## Sessions I attended") when it has sub-headings. */
export const isContainerHeading = (text: string) => CONTAINER.test(text);

// Only consulted when nothing stronger (times, numbered sessions, a talk container) decided.
const NOTE = new RegExp(
  [
    "소개",
    "경험",
    "계기",
    "후기",
    "총평",
    "느낀\\s*점",
    "좋았던\\s*점",
    "아쉬(?:운|웠던)\\s*점",
    "마무리",
    "마치며",
    "맺음말",
    "들어가며",
    "시작하며",
    "결론",
    "참고",
    "회고",
    "환영사",
    "점심",
    "부스",
    "전시",
    "네트워킹",
    "\\b(?:intro(?:duction)?|overview|about|summary|conclusions?|wrap[- ]?up|takeaways|thoughts",
    "impressions|what i liked|lessons|references|links|resources|lunch|booths?|expo|networking)\\b",
  ].join("|"),
  "i",
);
/** Intro, keynote impressions, "what I liked", references: sections about the event, not a talk. */
export const isNoteHeading = (text: string) => NOTE.test(text);

const KEYNOTE = /기조\s*연설|키노트|\bkeynotes?\b/i;
export const isKeynote = (text: string) => KEYNOTE.test(text);

// "후기", "참관후기", "[후기]", " review", " recap", "… 다녀오다", "… 수강 정리": words that name the post, not the event.
const REVIEW_WORDS = String.raw`(?:(?:참석|참관|방문|다녀온|수강|청강|관람|학습)\s*)?(?:후기|리뷰|정리|참관기|참석기|방문기|기록|메모|노트|요약)|참관기|참석기|review|recap|write-?up|notes?|summary|takeaways`;
const VERB_ENDINGS = String.raw`(?:에\s*)?(?:다녀오다|다녀왔다|다녀왔어요|다녀왔습니다|다녀옴|다녀온\s*이야기|갔다\s*왔다|참석하다|참석했다|참가하다|참가했다|들었다|듣고\s*왔다)`;
const SUFFIX = new RegExp(`\\s*(?:[-–—:|,]\\s*)?(?:(?:${REVIEW_WORDS})|${VERB_ENDINGS})\\s*[!.~]*$`, "i");
const PREFIX = new RegExp(
  `^\\s*(?:[\\[(【]\\s*(?:${REVIEW_WORDS})\\s*[\\])】]\\s*|(?:my\\s+)?(?:notes|takeaways|thoughts|highlights)\\s+(?:from|on)\\s+|(?:recap|review|summary)\\s*(?:of\\s+|[:：-]\\s*))`,
  "i",
);

/** "AWS Summit 2016 후기" → "AWS Summit 2016"; a title that is only such words is kept as it is. */
export function eventNameFromTitle(title: string): string {
  let name = title.trim();
  // "… 참석 후기 정리", "[후기] … 다녀오다": suffixes may stack.
  for (let i = 0; i < 3; i++) {
    const next = name.replace(PREFIX, "").replace(SUFFIX, "").trim();
    if (next === name || !next) break;
    name = next;
  }
  return name || title.trim();
}

/** An image's alt text as a title, unless it is a camera file name ("IMG_1234", "스크린샷 …"). */
export function imageTitle(alt: string): string | undefined {
  const text = alt.trim();
  if (!text || /\.(?:png|jpe?g|gif|webp|heic)$/i.test(text)) return undefined;
  if (/^(?:img|image|dsc|photo|screenshot|스크린샷|사진|이미지)[\s_-]*\d*$/i.test(text)) return undefined;
  return text;
}

const SPEAKER_LABEL = /^(?:발표자|연사|발표|강연자|speakers?|presenters?|presented by)\s*[:：]\s*(.+)$/i;
const TRACK_LABEL = /^(?:트랙|track|room|룸|장소)\s*[:：]\s*(.+)$/i;
// "양승도 솔루션즈 아키텍트, 아마존 웹서비스" / "Jane Doe, Principal SA, AWS" — not a sentence.
const KO_SPEAKER = /^[가-힣]{2,4}\s+[^,]{1,40},\s*[^,]{1,40}$/;
const EN_SPEAKER = /^[A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]+){1,3}\s*,\s*[^,]{2,60}(?:,\s*[^,]{2,60})?$/;
const SENTENCE_END = /(?:[.?!。…]|다|요)\s*\)?$/;

export type TalkMeta = { speakers?: string[]; track?: string };

/**
 * Reads speaker/track lines at the start of a talk: "발표자: …"/"Speaker: …"/"트랙: …" labels
 * (what the exporter writes), or a first bullet shaped like "name title, company".
 */
export function readTalkMeta(lines: string[], firstIsBullet: boolean): TalkMeta {
  const meta: TalkMeta = {};
  for (const [n, raw] of lines.entries()) {
    const line = raw.replace(/[*_]{1,2}/g, "").trim();
    const speaker = SPEAKER_LABEL.exec(line);
    const track = TRACK_LABEL.exec(line);
    if (speaker)
      meta.speakers = speaker[1]
        .split(/\s+·\s+|\s*;\s*/)
        .map((s) => s.trim())
        .filter(Boolean);
    else if (track) meta.track = track[1].trim();
    else {
      const shaped = line.length <= 80 && !SENTENCE_END.test(line) && (KO_SPEAKER.test(line) || EN_SPEAKER.test(line));
      if (n === 0 && firstIsBullet && shaped) meta.speakers = [line];
      break;
    }
  }
  return meta;
}
