import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { DemoAccounts } from "@/components/home/demo-accounts";
import { oauthProviderIds } from "@/lib/auth/options";
import { getCurrentUser } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string; passwordChanged?: string }>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const [t, ts] = await Promise.all([getTranslations("auth"), getTranslations("accountSecurity")]);
  return (
    <section className="mx-auto max-w-sm rounded-xl bg-white p-6 shadow-sm">
      <h1 className="mb-5 text-xl font-bold">{t("signInTitle")}</h1>
      {params.passwordChanged ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {ts("passwordChanged")}
        </p>
      ) : null}
      <SignInForm
        callbackUrl={callbackUrl}
        oauth={oauthProviderIds()}
        initialError={typeof params.error === "string" ? params.error : undefined}
      />
      <div className="mt-5">
        <DemoAccounts />
      </div>
    </section>
  );
}
