"use client";

import { submitWith } from "@/components/ui/submit-with";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { signUpAction } from "@/lib/actions/auth";
import { Button } from "@/components/ui/button";
import { useErrorText } from "@/components/use-error-text";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const errors = useErrorText();
  const translate = (codes?: string[]) => codes?.map((c) => errors.code(c));

  async function onSubmit(form: FormData) {
    setPending(true);
    setError(null);
    setFieldErrors({});
    const input = { name: form.get("name"), email: form.get("email"), password: form.get("password") };
    const res = await signUpAction(input);
    if (!res.ok) {
      setPending(false);
      if (res.code === "CONFLICT") setError(t("errors.emailTaken"));
      else if (res.code === "TOO_MANY")
        setError(t("errors.signUpThrottled", { minutes: Number(res.details?.minutes) || 60 }));
      else if (res.code === "INVALID") {
        setFieldErrors(res.fieldErrors ?? {});
        setError(t("errors.fixFields"));
      } else setError(errors.message(res));
      return;
    }
    const signedIn = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
    setPending(false);
    if (!signedIn || signedIn.error) {
      router.replace("/sign-in");
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-5">
      <form onSubmit={submitWith(onSubmit)} className="flex flex-col gap-4" noValidate>
        <Field label={t("name")} name="name" autoComplete="name" required errors={translate(fieldErrors.name)} />
        <Field
          label={t("email")}
          name="email"
          type="email"
          autoComplete="email"
          required
          errors={translate(fieldErrors.email)}
        />
        <Field
          label={t("password")}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={t("passwordHint")}
          errors={translate(fieldErrors.password)}
        />
        <FormMessage message={error} />
        <Button type="submit" disabled={pending}>
          {pending ? t("pending") : t("submitSignUp")}
        </Button>
      </form>
      <p className="text-sm text-slate-700">
        {t("haveAccount")}{" "}
        <Link
          className="font-semibold text-brand-700 underline"
          href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}
        >
          {t("submitSignIn")}
        </Link>
      </p>
    </div>
  );
}
