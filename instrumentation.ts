// Runs once when the Next.js server starts: a wrong environment stops it with one clear line.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { parseEnv } = await import("./lib/env");
  const parsed = parseEnv(process.env);
  if (!parsed.ok) {
    console.error(parsed.message);
    process.exit(1);
  }
}
