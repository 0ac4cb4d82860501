import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user?: {
      id: string;
      epoch: number;
      sid: string;
      name?: string | null;
      email?: string | null;
      image?: string | null;
    };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    epoch?: number;
    /** The UserSession row of this sign-in (lib/auth/user-sessions.ts); deleted on sign-out. */
    sid?: string;
  }
}
