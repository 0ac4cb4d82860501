// Turning an upload (bytes or text) into the one string form every later step works on.
import { MAX_WRITEUP_BYTES, WriteupError } from "./types";

/** UTF-8 length without allocating an encoded copy of a string that may be megabytes long. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one 4-byte code point
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function tooLarge(bytes: number): WriteupError {
  const kb = (n: number) => Math.ceil(n / 1024).toLocaleString("en");
  return new WriteupError("TOO_LARGE", `The write-up is ${kb(bytes)} KB; the limit is ${kb(MAX_WRITEUP_BYTES)} KB.`);
}

/**
 * Checks and decodes the input, then normalises it: BOM dropped, CRLF/CR → LF. Line endings are
 * the only change made to the user's text, so that line numbers and slices agree everywhere.
 */
export function readWriteupText(input: string | Uint8Array): string {
  let text: string;
  if (typeof input === "string") {
    const bytes = utf8Length(input);
    if (bytes > MAX_WRITEUP_BYTES) throw tooLarge(bytes);
    text = input;
  } else {
    if (input.byteLength > MAX_WRITEUP_BYTES) throw tooLarge(input.byteLength);
    // A NUL byte never occurs in Markdown but always in images, archives and UTF-16 files.
    if (input.includes(0)) throw new WriteupError("NOT_TEXT", "The file is not a text file (it contains NUL bytes).");
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(input);
    } catch {
      throw new WriteupError("INVALID_UTF8", "The file is not valid UTF-8 text; save it as UTF-8 and try again.");
    }
  }
  if (text.includes("\0")) throw new WriteupError("NOT_TEXT", "The text contains NUL characters.");
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (text.trim() === "") throw new WriteupError("EMPTY", "The write-up is empty.");
  return text;
}
