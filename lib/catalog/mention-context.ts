// What counts as prose when services are suggested from a note's Markdown: fenced and indented
// code blocks, and inline code that reads as code (`lambda x: x+1`, `aws s3 sync`), are blanked
// (same length, so positions stay) — a shell command or a Python lambda is not a mention.
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

function blank(text: string): string {
  return text.replace(/[^\n]/g, " ");
}

const CODE_LIKE =
  /[=(){};$<>|\\]|^\s*(?:aws|sam|cdk|npm|pip|kubectl|docker|git)\s+[a-z]|\b(?:lambda|def|function|import|return)\b.*[:=(]/i;

export function proseForMentions(markdown: string): string {
  const lines = markdown.split("\n");
  let fence: string | undefined;
  const out = lines.map((line) => {
    const m = FENCE_OPEN.exec(line);
    if (fence) {
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.slice(m[0].length).trim() === "")
        fence = undefined;
      return blank(line);
    }
    if (m && !(m[1][0] === "`" && line.slice(m[0].length).includes("`"))) {
      fence = m[1];
      return blank(line);
    }
    return line.replace(/(`+)([^`\n]+?)\1/g, (all, _ticks: string, code: string) =>
      CODE_LIKE.test(code) ? blank(all) : all,
    );
  });
  return out.join("\n");
}
