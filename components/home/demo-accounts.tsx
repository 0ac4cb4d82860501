import { getTranslations } from "next-intl/server";
import { shownDemoAccounts } from "@/lib/auth/demo-accounts";
import { db } from "@/lib/db";

/** The seeded demo accounts, while they still have their published passwords (else nothing). */
export async function DemoAccounts() {
  const [accounts, t] = await Promise.all([shownDemoAccounts(db), getTranslations("home")]);
  if (!accounts.length) return null;
  return (
    <section
      aria-labelledby="demo-heading"
      className="rounded-xl border border-dashed border-brand-500 bg-white p-4 text-sm"
      data-testid="demo-accounts"
    >
      <h2 id="demo-heading" className="font-semibold">
        {t("demoTitle")}
      </h2>
      <p className="text-slate-600">{t("demoHelp")}</p>
      <dl className="mt-2 grid gap-1 font-mono text-xs sm:grid-cols-[auto_1fr]">
        {accounts.map((a) => (
          <div key={a.email} className="contents">
            <dt className="font-sans font-semibold">{a.role === "ADMIN" ? t("demoAdmin") : t("demoMember")}</dt>
            <dd className="break-all">
              {a.email} / {a.password}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
