import { diffLines } from "diff";

/**
 * A merge proposal that drops nothing: lines common to both stay once, lines only in one text are
 * kept in place (server's first, then this device's, where they differ at the same spot).
 */
export function mergeTexts(server: string, local: string): string {
  if (server === local) return local;
  const parts = diffLines(server.endsWith("\n") ? server : server + "\n", local.endsWith("\n") ? local : local + "\n");
  const merged = parts.map((p) => p.value).join("");
  return merged.replace(/\n$/, "");
}
