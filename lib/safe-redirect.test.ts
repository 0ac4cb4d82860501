// Issue 12: `callbackUrl=%2F%09%2Fhost%2Fx` (a TAB, which browsers strip) sent the user off-site and
// a newline gave a 500. Over HTTP and in the browser: e2e/attacks/auth.spec.ts.
import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-redirect";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths with their query and fragment", () => {
    expect(safeCallbackUrl("/account")).toBe("/account");
    expect(safeCallbackUrl("/events/aws?day=2#t-1")).toBe("/events/aws?day=2#t-1");
    expect(safeCallbackUrl("/노트")).toBe("/%EB%85%B8%ED%8A%B8");
    // A scheme-relative spelling of a path is still a path here.
    expect(safeCallbackUrl("http:account")).toBe("/account");
  });

  it("refuses anything a browser would take off-site", () => {
    for (const hostile of [
      "/\t/host.example/x",
      "/\n/host.example/x",
      "\t//host.example",
      "/\\host.example",
      "\\\\host.example",
      "//host.example",
      "/./\\host.example",
      "/.//host.example",
      "https://host.example/x",
      "javascript:alert(1)",
      "data:text/html,x",
      " //host.example",
    ]) {
      expect(safeCallbackUrl(hostile), JSON.stringify(hostile)).toBe("/events");
    }
  });

  it("never returns control characters, and bounds the input", () => {
    expect(safeCallbackUrl("/a\r\nSet-Cookie: x=1")).toBe("/aSet-Cookie:%20x=1");
    expect(safeCallbackUrl("/" + "a".repeat(5000))).toBe("/events");
    expect(safeCallbackUrl(undefined)).toBe("/events");
    expect(safeCallbackUrl(["/a"], "/")).toBe("/");
  });

  it("accepts this site's own absolute URL when told its origin (next-auth's redirect callback)", () => {
    expect(safeCallbackUrl("http://localhost:3000/account?x=1", "/", "http://localhost:3000")).toBe("/account?x=1");
    expect(safeCallbackUrl("http://localhost:3000", "/", "http://localhost:3000")).toBe("/");
    expect(safeCallbackUrl("http://localhost:3001/account", "/", "http://localhost:3000")).toBe("/");
    expect(safeCallbackUrl("http://localhost:3000/account")).toBe("/events");
  });
});
