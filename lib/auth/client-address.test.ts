// Issue 12: X-Forwarded-For was trusted, so one client could claim any address. Over HTTP against
// the real app: e2e/attacks/auth.spec.ts. Here: the hop arithmetic, and the hook on a real Node
// HTTP server (the same channel Next's server publishes on).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import {
  CLIENT_ADDRESS_HEADER,
  clientAddress,
  installClientAddressHook,
  normaliseAddress,
  resolveClientAddress,
  UNKNOWN_ADDRESS,
} from "./client-address";

describe("resolveClientAddress", () => {
  it("with no trusted proxy, is the socket's address whatever the client claims", () => {
    expect(resolveClientAddress("::ffff:203.0.113.7", "1.2.3.4", 0)).toBe("203.0.113.7");
    expect(resolveClientAddress("203.0.113.7", undefined, 0)).toBe("203.0.113.7");
    expect(resolveClientAddress(undefined, "1.2.3.4", 0)).toBe(UNKNOWN_ADDRESS);
  });

  it("with N trusted proxies, takes the Nth address from the right of X-Forwarded-For + socket", () => {
    // client → proxy (appends the client's address) → app
    expect(resolveClientAddress("10.0.0.2", "198.51.100.9", 1)).toBe("198.51.100.9");
    // a client claiming addresses of its own: they sit left of what the proxy appended
    expect(resolveClientAddress("10.0.0.2", "1.1.1.1, 2.2.2.2, 198.51.100.9", 1)).toBe("198.51.100.9");
    // client → CDN → load balancer → app
    expect(resolveClientAddress("10.0.0.3", "6.6.6.6, 198.51.100.9, 10.0.0.2", 2)).toBe("198.51.100.9");
    // several header lines count as one list
    expect(resolveClientAddress("10.0.0.3", ["6.6.6.6", "198.51.100.9, 10.0.0.2"], 2)).toBe("198.51.100.9");
    // fewer entries than hops: the leftmost one
    expect(resolveClientAddress("10.0.0.2", "198.51.100.9", 5)).toBe("198.51.100.9");
    expect(resolveClientAddress("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
  });

  it("normalises what it keys on, and bounds junk", () => {
    expect(normaliseAddress("::FFFF:192.0.2.1")).toBe("192.0.2.1");
    expect(normaliseAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normaliseAddress("192.0.2.1:8080")).toBe("192.0.2.1");
    expect(normaliseAddress("x".repeat(500))).toHaveLength(64);
    expect(resolveClientAddress("10.0.0.2", `${"9,".repeat(100_000)}198.51.100.9`, 1)).toBe("198.51.100.9");
  });
});

describe("TRUST_PROXY", () => {
  it("defaults to 0 and must be a small whole number", () => {
    const env = parseEnv({});
    expect(env.ok && env.env.TRUST_PROXY).toBe(0);
    const two = parseEnv({ TRUST_PROXY: "2" });
    expect(two.ok && two.env.TRUST_PROXY).toBe(2);
    for (const bad of ["-1", "1.5", "yes", "true", "100", " 1"]) {
      const r = parseEnv({ TRUST_PROXY: bad });
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.message).toContain("TRUST_PROXY must be the number of reverse proxies");
    }
  });
});

describe("the client-address hook", () => {
  it("stamps the socket's address on each request; a forged stamp or X-Forwarded-For counts for nothing", async () => {
    installClientAddressHook(); // TRUST_PROXY unset: 0
    const server = http.createServer((req, res) => res.end(JSON.stringify({ seen: clientAddress(req.headers) })));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const ask = (localAddress: string, headers: Record<string, string>) =>
      new Promise<string>((resolve, reject) => {
        http
          .get({ host: "127.0.0.1", port, localAddress, headers }, (res) => {
            let body = "";
            res.on("data", (c: Buffer) => (body += c.toString()));
            res.on("end", () => resolve((JSON.parse(body) as { seen: string }).seen));
          })
          .on("error", reject);
      });
    try {
      expect(await ask("127.0.12.201", {})).toBe("127.0.12.201");
      expect(await ask("127.0.12.202", { "x-forwarded-for": "198.51.100.1" })).toBe("127.0.12.202");
      expect(await ask("127.0.12.203", { [CLIENT_ADDRESS_HEADER]: "guess 198.51.100.1" })).toBe("127.0.12.203");
      // Next forwarding a server action to itself (loopback, our own stamp on it): the stamp stays.
      const stamp = await new Promise<string>((resolve) => {
        const probe = http.createServer((req, res) => {
          resolve(String(req.headers[CLIENT_ADDRESS_HEADER]));
          res.end();
        });
        probe.listen(0, "127.0.0.1", () => {
          http.get(
            { host: "127.0.0.1", port: (probe.address() as AddressInfo).port, localAddress: "127.0.12.204" },
            (res) => {
              res.resume();
              probe.close();
            },
          );
        });
      });
      expect(await ask("127.0.0.1", { [CLIENT_ADDRESS_HEADER]: stamp })).toBe("127.0.12.204");
    } finally {
      server.close();
    }
    // Outside a request that went through the hook: never the client's word.
    expect(clientAddress({ [CLIENT_ADDRESS_HEADER]: "guess 198.51.100.1" })).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.1" }))).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(undefined)).toBe(UNKNOWN_ADDRESS);
  });
});
