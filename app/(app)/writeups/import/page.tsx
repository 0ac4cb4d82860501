import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { WriteupImporter } from "@/components/writeups/writeup-importer";
import { requireUserOrRedirect } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Import a write-up" };

export default async function ImportWriteupPage() {
  await requireUserOrRedirect("/writeups/import");
  const [t, hub] = await Promise.all([getTranslations("writeupImport"), getTranslations("writeups")]);
  return (
    <div className="flex flex-col gap-4">
      <Link href="/writeups" className="text-sm text-brand-700 underline">
        ← {hub("title")}
      </Link>
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("hint")}</p>
      </div>
      <WriteupImporter />
    </div>
  );
}
