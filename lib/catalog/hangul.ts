// Small Hangul helpers for the service matcher: character classes, Korean particles and jamo
// decomposition (so autocomplete works while a Korean IME is still composing a syllable).

/** Hangul syllables and compatibility jamo, as a regex character-class body. */
export const HANGUL_CLASS = "가-힣ㄱ-ㅣ";
export const isHangul = (ch: string) => /[가-힣ㄱ-ㅣ]/.test(ch);

// Postpositions/endings that attach directly to a noun ("람다를", "S3에서는", "오로라입니다").
// A short Korean alias only counts when what follows it is nothing but these (see service-matcher).
const PARTICLES = [
  "으로부터",
  "에서부터",
  "이라는",
  "이라고",
  "이라면",
  "입니다",
  "이에요",
  "에게서",
  "으로서",
  "으로써",
  "으로",
  "에서",
  "에게",
  "한테",
  "까지",
  "부터",
  "처럼",
  "보다",
  "이랑",
  "하고",
  "이나",
  "이다",
  "이고",
  "이며",
  "이면",
  "이었",
  "였",
  "라는",
  "라고",
  "라면",
  "인데",
  "예요",
  "은",
  "는",
  "이",
  "가",
  "을",
  "를",
  "에",
  "의",
  "와",
  "과",
  "도",
  "로",
  "만",
  "랑",
  "나",
  "고",
  "며",
  "면",
  "다",
  "인",
  "란",
  "요",
  "야",
  "서",
  "께",
];

/** Lookahead body: up to three particles, then no more Hangul. */
export const PARTICLE_TAIL = `(?:${PARTICLES.join("|")}){0,3}(?![${HANGUL_CLASS}])`;

const CHO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
const JUNG = [
  "ㅏ",
  "ㅐ",
  "ㅑ",
  "ㅒ",
  "ㅓ",
  "ㅔ",
  "ㅕ",
  "ㅖ",
  "ㅗ",
  "ㅗㅏ",
  "ㅗㅐ",
  "ㅗㅣ",
  "ㅛ",
  "ㅜ",
  "ㅜㅓ",
  "ㅜㅔ",
  "ㅜㅣ",
  "ㅠ",
  "ㅡ",
  "ㅡㅣ",
  "ㅣ",
];
const JONG = [
  "",
  "ㄱ",
  "ㄲ",
  "ㄱㅅ",
  "ㄴ",
  "ㄴㅈ",
  "ㄴㅎ",
  "ㄷ",
  "ㄹ",
  "ㄹㄱ",
  "ㄹㅁ",
  "ㄹㅂ",
  "ㄹㅅ",
  "ㄹㅌ",
  "ㄹㅍ",
  "ㄹㅎ",
  "ㅁ",
  "ㅂ",
  "ㅂㅅ",
  "ㅅ",
  "ㅆ",
  "ㅇ",
  "ㅈ",
  "ㅊ",
  "ㅋ",
  "ㅌ",
  "ㅍ",
  "ㅎ",
];
// Compound compatibility jamo typed on their own ("ㄳ", "ㅘ") split the same way.
const COMPOUND: Record<string, string> = {
  ㄳ: "ㄱㅅ",
  ㄵ: "ㄴㅈ",
  ㄶ: "ㄴㅎ",
  ㄺ: "ㄹㄱ",
  ㄻ: "ㄹㅁ",
  ㄼ: "ㄹㅂ",
  ㄽ: "ㄹㅅ",
  ㄾ: "ㄹㅌ",
  ㄿ: "ㄹㅍ",
  ㅀ: "ㄹㅎ",
  ㅄ: "ㅂㅅ",
  ㅘ: "ㅗㅏ",
  ㅙ: "ㅗㅐ",
  ㅚ: "ㅗㅣ",
  ㅝ: "ㅜㅓ",
  ㅞ: "ㅜㅔ",
  ㅟ: "ㅜㅣ",
  ㅢ: "ㅡㅣ",
};

/** "다이나모" -> "ㄷㅏㅇㅣㄴㅏㅁㅗ"; so the half-typed "당" (ㄷㅏㅇ) is a prefix of "다이…". */
export function toJamo(s: string): string {
  let out = "";
  for (const ch of s) {
    const code = ch.charCodeAt(0) - 0xac00;
    if (code >= 0 && code < 11172) {
      out += CHO[Math.floor(code / 588)] + JUNG[Math.floor((code % 588) / 28)] + JONG[code % 28];
    } else {
      out += COMPOUND[ch] ?? ch;
    }
  }
  return out;
}
