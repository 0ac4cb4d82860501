import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  // next-auth 4 reads params synchronously; Next 16 hands them over as a promise.
  const params = await ctx.params;
  return NextAuth(authOptions())(req, { params });
}

export { handler as GET, handler as POST };
