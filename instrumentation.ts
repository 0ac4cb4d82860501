// Runs once when the Next.js server starts: a wrong environment stops it with one clear line; then
// every request gets its client address stamped from the socket (lib/auth/client-address.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./lib/check-env-on-start");
    (await import("./lib/auth/client-address")).installClientAddressHook();
  }
}
