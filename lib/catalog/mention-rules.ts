// When a bare service name means something else in its sentence. Each rule is about the word's
// other meaning, not about one example: social media for "SNS", the medical record for "EMR", the
// computing society for "ACM", things (devices) for "IoT", and the auto scaling of a database for
// "auto scaling". A prefixed name ("Amazon SNS", "AWS IoT") is never vetoed (service-matcher.ts).

type Rule = {
  /** The bare surfaces the rule is about (default: every bare surface of the service). */
  surface?: RegExp;
  /** Text right after the word that gives the other meaning. */
  after?: RegExp;
  /** Text right before the word that gives the other meaning. */
  before?: RegExp;
  /** The paragraph is about the other meaning (and not about the service). */
  paragraph?: { is: RegExp; unless?: RegExp };
};

const RULES: Record<string, Rule[]> = {
  // Social networks: "SNS에 공유했다", "SNS 마케팅", "각종 SNS", "shared it on SNS".
  sns: [
    {
      after:
        /^\s*(?:상|상의|에|에서|에도|으로|로|을|를|은|는|이|가|의)?\s*(?:공유|올리|올려|올렸|올라|홍보|마케팅|게시|포스팅|업로드|퍼지|퍼졌|퍼져|화제|계정|채널|팔로|인플루언서|광고|피드|친구|댓글|좋아요|인증|후기|스타|활동|marketing|posts?|accounts?|followers?|influencers?|channels?)/i,
      before: /(?:각종|개인|회사|공식|유명|여러|다른|social|shared (?:it )?on|posted (?:it )?on|via)\s*$/i,
    },
  ],
  // The electronic medical record: "EMR(전자의무기록)", "병원 EMR 시스템".
  emr: [
    {
      after: /^\s*[(（]\s*(?:전자|electronic)/i,
      paragraph: {
        is: /의무\s*기록|진료\s*기록|의료\s*기록|medical records?|병원|환자|hospital|patients?/i,
        unless: /하둡|hadoop|spark|스파크|hive|하이브|presto|클러스터|cluster|맵리듀스|mapreduce/i,
      },
    },
  ],
  // The Association for Computing Machinery: "ACM 학회", "ACM SIGMOD", "ACM 논문".
  acm: [
    {
      after:
        /^\s*(?:에서|의)?\s*(?:학회|컨퍼런스|콘퍼런스|논문|저널|회원|펠로|튜링|ICPC|SIG[A-Z]*|conference|journal|transactions|digital library|fellow|turing|award|proceedings)/i,
      before: /(?:the\s+)?(?:published (?:in|at)|presented at)\s*$/i,
    },
  ],
  // Things on the internet, not AWS IoT: "IoT 디바이스", "IoT devices", "IoT 센서".
  "iot-core": [
    {
      surface: /^iot$/i,
      after:
        /^\s*(?:[(（][^)）]{0,20}[)）]\s*)?(?:디바이스|기기|장비|센서|장치|단말|가전|제품|device|devices|sensors?|gadgets?|hardware|products?|appliances?)/i,
    },
  ],
  // Auto scaling of a table or a cluster: the paragraph is about DynamoDB (or Aurora), not EC2 instances.
  "ec2-auto-scaling": [
    {
      surface: /^(?:auto[\s-]*scal(?:ing|e)|오토\s*스케일(?:링)?)$/i,
      paragraph: {
        is: /dynamo|다이나모|aurora|오로라|테이블|table|읽기 용량|쓰기 용량|capacity units?|RCU|WCU/i,
        unless: /EC2|인스턴스|instances?|그룹|group|\bASG\b|launch template|시작 템플릿/i,
      },
    },
  ],
};

/** The paragraph (text between blank lines) around `at`. */
function paragraphAt(text: string, at: number): string {
  const before = text.lastIndexOf("\n\n", at);
  const after = text.indexOf("\n\n", at);
  return text.slice(before < 0 ? 0 : before, after < 0 ? text.length : after);
}

export function vetoed(slug: string, surface: string, text: string, at: number): boolean {
  const rules = RULES[slug];
  if (!rules) return false;
  for (const rule of rules) {
    if (rule.surface && !rule.surface.test(surface)) continue;
    const end = at + surface.length;
    if (rule.after?.test(text.slice(end, end + 40))) return true;
    if (rule.before?.test(text.slice(Math.max(0, at - 40), at))) return true;
    if (rule.paragraph) {
      const p = paragraphAt(text, at);
      if (rule.paragraph.is.test(p) && !(rule.paragraph.unless?.test(p) ?? false)) return true;
    }
  }
  return false;
}
