import { z } from "zod";
import { resolveDatabaseUrl } from "./database-url";

/** The secret development falls back to. `npm start` (production) refuses it. */
export const DEV_AUTH_SECRET = "summit-notes-development-secret-do-not-use-in-production";

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.string().optional(),
    NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
    NEXTAUTH_URL: z.url("NEXTAUTH_URL must be a URL such as http://localhost:3000").optional(),
    GITHUB_ID: z.string().min(1).optional(),
    GITHUB_SECRET: z.string().min(1).optional(),
    GOOGLE_CLIENT_ID: z.string().min(1).optional(),
    GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
    // How many reverse proxies stand in front of the app (lib/auth/client-address.ts). 0: none,
    // X-Forwarded-For is ignored and throttles count the socket's address.
    TRUST_PROXY: z
      .string()
      .regex(
        /^\d{1,2}$/,
        "TRUST_PROXY must be the number of reverse proxies in front of the app (0 when clients connect directly)",
      )
      .default("0")
      .transform(Number),
  })
  .superRefine((env, ctx) => {
    try {
      resolveDatabaseUrl(env.DATABASE_URL);
    } catch (e) {
      ctx.addIssue({ code: "custom", path: ["DATABASE_URL"], message: (e as Error).message });
    }
    if (env.NODE_ENV === "production" && (!env.NEXTAUTH_SECRET || env.NEXTAUTH_SECRET === DEV_AUTH_SECRET)) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_SECRET"],
        message:
          "NEXTAUTH_SECRET must be set to your own random value in production (npm start generates one in data/)",
      });
    }
    if (!!env.GITHUB_ID !== !!env.GITHUB_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["GITHUB_SECRET"],
        message: "set both GITHUB_ID and GITHUB_SECRET, or neither",
      });
    }
    if (!!env.GOOGLE_CLIENT_ID !== !!env.GOOGLE_CLIENT_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["GOOGLE_CLIENT_SECRET"],
        message: "set both GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET, or neither",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Parses the environment; on failure returns one readable line per problem. */
export function parseEnv(
  source: Record<string, string | undefined>,
): { ok: true; env: Env } | { ok: false; message: string } {
  const result = envSchema.safeParse(source);
  if (result.success) return { ok: true, env: result.data };
  const message = result.error.issues.map((i) => `${i.path.join(".") || "env"}: ${i.message}`).join("; ");
  return { ok: false, message: `Summit Notes cannot start: ${message}` };
}

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = parseEnv(process.env);
  if (!parsed.ok) throw new Error(parsed.message);
  cached = parsed.env;
  return cached;
}

export function authSecret(): string {
  return env().NEXTAUTH_SECRET ?? DEV_AUTH_SECRET;
}
