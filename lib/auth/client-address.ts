// The client's network address, for throttling. A request handler in the App Router never sees the
// socket, and Next's own server only fills in X-Forwarded-For when the client did not send one
// (verified in e2e/attacks/auth.spec.ts): so the header alone is whatever the client wants it to
// be. Instead, the Node HTTP server's `http.server.request.start` diagnostics channel hands us every
// request together with its socket before Next reads it; we work out the address there and stamp it
// on the request in a header whose value carries a per-process secret, so a client cannot forge it.
//
// TRUST_PROXY (hop count, default 0) says how many reverse proxies stand in front of the app:
//   0 → the socket's address; X-Forwarded-For is ignored.
//   N → the Nth address from the right of "X-Forwarded-For, socket address": each trusted proxy
//       appends the address it saw, so entries further left are the client's own claims.
import { randomBytes } from "node:crypto";
import diagnostics from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import { env } from "../env";

export const CLIENT_ADDRESS_HEADER = "x-summit-client-address";
/** Requests that arrived before the hook was installed (the first instants of a start) share this. */
export const UNKNOWN_ADDRESS = "unknown";

// Shared by every bundle of the server process (instrumentation and route bundles are separate
// module graphs, the process is one).
const TOKEN_KEY = Symbol.for("summit-notes.client-address-token");
const HOOK_KEY = Symbol.for("summit-notes.client-address-hook");
type Slots = { [TOKEN_KEY]?: string; [HOOK_KEY]?: boolean };

function token(): string {
  const slots = globalThis as Slots;
  return (slots[TOKEN_KEY] ??= randomBytes(18).toString("base64url"));
}

/** One address as a stable key: IPv4-mapped IPv6 as plain IPv4, lower case, bounded. */
export function normaliseAddress(raw: string): string {
  let a = raw.trim().toLowerCase();
  if (a.startsWith("[") && a.includes("]"))
    a = a.slice(1, a.indexOf("]")); // [v6]:port
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":")); // v4:port
  const mapped = a.match(/^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/);
  if (mapped) a = mapped[1];
  return isIP(a) ? a : a.slice(0, 64) || UNKNOWN_ADDRESS;
}

/**
 * The client's address from the socket's address and the X-Forwarded-For it arrived with, trusting
 * `trustedHops` proxies. With fewer entries than hops, the leftmost one (the request skipped a proxy).
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedHops: number,
): string {
  const socket = socketAddress ? normaliseAddress(socketAddress) : UNKNOWN_ADDRESS;
  if (trustedHops <= 0 || !forwardedFor) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor;
  // Bounded: only the last entries can matter.
  const entries = header
    .slice(-2048)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...entries, socket];
  return normaliseAddress(chain[Math.max(0, chain.length - 1 - trustedHops)]);
}

/** Subscribes to the HTTP server's request channel (once per process). Called from instrumentation.ts. */
export function installClientAddressHook() {
  const slots = globalThis as Slots;
  if (slots[HOOK_KEY]) return;
  slots[HOOK_KEY] = true;
  const secret = token();
  const hops = env().TRUST_PROXY;
  diagnostics.subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: { remoteAddress?: string } };
    // Next forwards a server action posted to another page's URL to itself over HTTP, with the
    // original headers: that hop comes from loopback and already carries our stamp. Keep it.
    const stamped = request.headers[CLIENT_ADDRESS_HEADER];
    if (typeof stamped === "string" && isLoopback(socket.remoteAddress) && stampedAddress(stamped) !== UNKNOWN_ADDRESS)
      return;
    const address = resolveClientAddress(socket.remoteAddress, request.headers["x-forwarded-for"], hops);
    request.headers[CLIENT_ADDRESS_HEADER] = `${secret} ${address}`;
  });
}

type HeaderBag = Headers | Record<string, unknown> | undefined | null;

function isLoopback(address: string | undefined): boolean {
  const a = address ? normaliseAddress(address) : "";
  return a === "::1" || /^127\./.test(a);
}

function stampedAddress(raw: string): string {
  const space = raw.indexOf(" ");
  if (space < 0 || raw.slice(0, space) !== token()) return UNKNOWN_ADDRESS;
  return raw.slice(space + 1) || UNKNOWN_ADDRESS;
}

/** The address stamped by the hook, or UNKNOWN_ADDRESS (never anything the client wrote). */
export function clientAddress(headers: HeaderBag): string {
  const raw = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers?.[CLIENT_ADDRESS_HEADER];
  return typeof raw === "string" ? stampedAddress(raw) : UNKNOWN_ADDRESS;
}
