import { afterEach, describe, expect, it } from "vitest";
import nextConfig from "../../next.config.js";
import { SERVER_ACTION_BODY_LIMIT } from "./limits";
import { crossSiteReason } from "./same-origin";

const headers = (h: Record<string, string>) => new Headers(h);

describe("crossSiteReason", () => {
  afterEach(() => {
    delete process.env.TRUST_PROXY;
  });

  it("lets same-origin browser requests and non-browser clients through", () => {
    expect(crossSiteReason(headers({ host: "notes.example:3000", origin: "http://notes.example:3000" }))).toBeNull();
    expect(crossSiteReason(headers({ host: "notes.example", "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(crossSiteReason(headers({ host: "notes.example", "sec-fetch-site": "none" }))).toBeNull();
    expect(crossSiteReason(headers({ host: "notes.example" }))).toBeNull();
  });

  it("refuses foreign, sibling and opaque origins", () => {
    expect(crossSiteReason(headers({ host: "notes.example", origin: "https://evil.example" }))).toBe("origin");
    expect(crossSiteReason(headers({ host: "notes.example", origin: "https://sub.notes.example" }))).toBe("origin");
    expect(crossSiteReason(headers({ host: "notes.example:3000", origin: "http://notes.example:3001" }))).toBe(
      "origin",
    );
    expect(crossSiteReason(headers({ host: "notes.example", origin: "null" }))).toBe("origin");
    expect(crossSiteReason(headers({ host: "notes.example", "sec-fetch-site": "same-site" }))).toBe("sec-fetch-site");
    expect(crossSiteReason(headers({ host: "notes.example", "sec-fetch-site": "cross-site" }))).toBe("sec-fetch-site");
  });

  it("trusts X-Forwarded-Host only behind a declared proxy", () => {
    const h = headers({ host: "127.0.0.1:3000", "x-forwarded-host": "notes.example", origin: "https://notes.example" });
    expect(crossSiteReason(h)).toBe("origin");
    process.env.TRUST_PROXY = "1";
    expect(crossSiteReason(h)).toBeNull();
  });
});

describe("limits", () => {
  it("next.config.js uses the server action body limit the proxy checks", () => {
    const experimental = (
      nextConfig as { experimental?: { serverActions?: { bodySizeLimit?: unknown }; proxyClientMaxBodySize?: unknown } }
    ).experimental;
    expect(experimental?.serverActions?.bodySizeLimit).toBe(SERVER_ACTION_BODY_LIMIT);
    expect(experimental?.proxyClientMaxBodySize).toBe(SERVER_ACTION_BODY_LIMIT);
  });
});
