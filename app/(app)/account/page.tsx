import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { requireUserOrRedirect } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUserOrRedirect("/account");
  const t = await getTranslations("account");
  return (
    <div className="flex max-w-lg flex-col gap-5">
      <section className="rounded-xl bg-white p-6 shadow-sm">
        <h1 className="mb-4 text-xl font-bold">{t("title")}</h1>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="font-medium text-slate-600">{t("email")}</dt>
          <dd data-testid="account-email">{user.email}</dd>
          <dt className="font-medium text-slate-600">{t("role")}</dt>
          <dd>{user.role}</dd>
        </dl>
      </section>
      <section className="rounded-xl bg-white p-6 shadow-sm">
        <ChangePasswordForm />
      </section>
    </div>
  );
}
