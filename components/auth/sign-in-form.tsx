"use client";

import { submitWith } from "@/components/ui/submit-with";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

export function signInErrorMessage(t: ReturnType<typeof useTranslations>, error: string): string {
  if (error.startsWith("TooManyAttempts")) return t("errors.locked", { minutes: Number(error.split(":")[1]) || 15 });
  if (error === "OAuthEmailUnverified") return t("errors.oauthEmailUnverified");
  if (error === "CredentialsSignin") return t("errors.wrong");
  return t("errors.generic");
}

export function SignInForm({
  callbackUrl,
  oauth,
  initialError,
}: {
  callbackUrl: string;
  oauth: string[];
  initialError?: string;
}) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError ? signInErrorMessage(t, initialError) : null);
  const [pending, setPending] = useState(false);

  async function onSubmit(form: FormData) {
    setPending(true);
    setError(null);
    const res = await signIn("credentials", {
      email: form.get("email"),
      password: form.get("password"),
      redirect: false,
    });
    setPending(false);
    if (!res || res.error) {
      setError(signInErrorMessage(t, res?.error ?? ""));
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-5">
      <form onSubmit={submitWith(onSubmit)} className="flex flex-col gap-4" noValidate>
        <Field label={t("email")} name="email" type="email" autoComplete="email" required />
        <Field label={t("password")} name="password" type="password" autoComplete="current-password" required />
        <FormMessage message={error} />
        <Button type="submit" disabled={pending}>
          {pending ? t("pending") : t("submitSignIn")}
        </Button>
      </form>
      {oauth.length ? (
        <div className="flex flex-col gap-2">
          <p className="text-center text-xs text-slate-600">{t("orContinueWith")}</p>
          {oauth.map((id) => (
            <Button key={id} variant="secondary" type="button" onClick={() => signIn(id, { callbackUrl })}>
              {id === "github" ? "GitHub" : "Google"}
            </Button>
          ))}
        </div>
      ) : null}
      <p className="text-sm text-slate-700">
        {t("noAccount")}{" "}
        <Link
          className="font-semibold text-brand-700 underline"
          href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`}
        >
          {t("submitSignUp")}
        </Link>
      </p>
    </div>
  );
}
