import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { LocaleSwitch } from "./locale-switch";
import { SignOutButton } from "@/components/auth/sign-out-button";

export async function SiteHeader() {
  const [user, t, locale] = await Promise.all([getCurrentUser(), getTranslations("nav"), getLocale()]);
  return (
    <header className="border-b border-slate-200 bg-white">
      {/* One row on a phone too: the row scrolls sideways instead of wrapping to three ("relative" keeps
          the absolutely placed screen-reader texts inside the scrolling row, else they widen the page). */}
      <nav
        aria-label="Main"
        className="relative mx-auto flex max-w-6xl flex-nowrap items-center gap-x-4 gap-y-2 overflow-x-auto px-4 py-3 whitespace-nowrap sm:flex-wrap sm:overflow-visible [&>*]:shrink-0"
      >
        <Link href="/" className="text-base font-bold text-brand-700 sm:text-lg">
          Summit Notes
        </Link>
        <Link href="/events" className="text-sm font-medium text-slate-700 hover:text-brand-700">
          {t("events")}
        </Link>
        {user ? (
          <>
            <Link href="/my-agenda" className="text-sm font-medium text-slate-700 hover:text-brand-700">
              {t("myAgenda")}
            </Link>
            <Link href="/teams" className="text-sm font-medium text-slate-700 hover:text-brand-700">
              {t("teams")}
            </Link>
            <Link href="/writeups" className="text-sm font-medium text-slate-700 hover:text-brand-700">
              {t("writeups")}
            </Link>
          </>
        ) : null}
        <Link href="/compare" className="text-sm font-medium text-slate-700 hover:text-brand-700">
          {t("compare")}
        </Link>
        <Link href="/search" className="text-sm font-medium text-slate-700 hover:text-brand-700">
          {t("search")}
        </Link>
        {user?.role === "ADMIN" ? (
          <Link href="/admin/events" className="text-sm font-medium text-slate-700 hover:text-brand-700">
            {t("admin")}
          </Link>
        ) : null}
        <div className="ml-auto flex items-center gap-3 text-sm">
          <LocaleSwitch current={locale} />
          {user ? (
            <>
              <Link
                href="/account"
                className="max-w-[9rem] truncate font-medium text-slate-700 hover:text-brand-700"
                data-testid="current-user"
              >
                {user.name}
              </Link>
              <SignOutButton label={t("signOut")} />
            </>
          ) : (
            <>
              <Link href="/sign-in" className="font-medium text-slate-700 hover:text-brand-700">
                {t("signIn")}
              </Link>
              <Link
                href="/sign-up"
                className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700"
              >
                {t("signUp")}
              </Link>
            </>
          )}
        </div>
      </nav>
    </header>
  );
}
