// Runs once when the Next.js server starts: a wrong environment stops it with one clear line.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./lib/check-env-on-start");
}
