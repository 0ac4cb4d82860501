// The Web Worker's stand-in for the one DOM element micromark's browser entity decoder uses must
// decode exactly as the package's own non-DOM build (which Node picks for this test) does.
import { decodeNamedCharacterReference } from "decode-named-character-reference";
import { describe, expect, it } from "vitest";
import "./markdown-worker-dom";

/** index.dom.js of decode-named-character-reference, over whatever `document` is. */
function decodeLikeTheBrowserBuild(value: string): string | false {
  const element = document.createElement("i");
  const reference = `&${value};`;
  element.innerHTML = reference;
  const char = element.textContent ?? "";
  if (char.slice(-1) === ";" && value !== "semi") return false;
  return char === reference ? false : char;
}

describe("markdown worker DOM stand-in", () => {
  it("decodes named references like the non-DOM build, unknown ones included", () => {
    for (const name of [
      "amp",
      "lt",
      "gt",
      "quot",
      "nbsp",
      "copy",
      "hearts",
      "semi",
      "AElig",
      "ngE",
      "notit",
      "nope",
      "",
      "amp;x",
    ]) {
      expect(decodeLikeTheBrowserBuild(name), name).toBe(decodeNamedCharacterReference(name));
    }
  });
});
