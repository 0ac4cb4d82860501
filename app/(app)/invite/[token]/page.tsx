import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AcceptInvite } from "@/components/teams/accept-invite";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Team invitation", robots: { index: false } };

/**
 * Opening the link changes nothing: the signed-in user confirms with a button (a POST), so link
 * previews and prefetchers cannot use up a single-use invite.
 */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [user, t] = await Promise.all([getCurrentUser(), getTranslations("teams")]);
  const back = `/invite/${encodeURIComponent(token)}`;
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4 rounded-xl bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-bold">{t("acceptTitle")}</h1>
      <p className="text-slate-700">{t("acceptBody")}</p>
      {user ? (
        <AcceptInvite token={token} />
      ) : (
        <>
          <p className="text-sm text-slate-600">{t("signInToAccept")}</p>
          <div className="flex gap-3">
            <Link
              href={`/sign-in?callbackUrl=${encodeURIComponent(back)}`}
              className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white"
            >
              {t("accept")}
            </Link>
          </div>
        </>
      )}
    </div>
  );
}
