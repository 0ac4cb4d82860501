import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MarkdownPreview } from "@/components/notes/markdown-preview";
import { PrintButton } from "@/components/writeups/print-button";
import { loadEventWriteup } from "../load-writeup";

export const metadata: Metadata = { title: "Write-up (print)" };

/** The post without its front matter, rendered as a plain document; the app's header and footer are hidden when printing. */
export default async function PrintWriteupPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ flavour?: string; team?: string }>;
}) {
  const { slug } = await params;
  const search = await searchParams;
  const { options, post } = await loadEventWriteup(slug, search, `/events/${slug}/writeup/print`);
  const t = await getTranslations("writeupExport");
  if (!post)
    return (
      <p role="alert" className="rounded-xl bg-white p-6 text-slate-700" data-testid="writeup-refused">
        {t("tooComplex")}
      </p>
    );
  const body = post.markdown.replace(/^---\n[\s\S]*?\n---\n/, "");
  const back = `/events/${slug}/writeup?${new URLSearchParams({ flavour: options.flavour, ...(options.teamId ? { team: options.teamId } : {}) })}`;
  return (
    <article className="writeup-print mx-auto flex max-w-3xl flex-col gap-3 bg-white p-6 text-slate-900 print:max-w-none print:p-0">
      <style>
        {"@media print { header, footer, nav, .no-print { display: none !important; } body { background: white; } }"}
      </style>
      <div className="no-print flex gap-3 text-sm">
        <Link href={back} className="text-brand-700 underline">
          ← {t("printBack")}
        </Link>
        <PrintButton label={t("printNow")} />
      </div>
      <h1 className="text-3xl font-bold">{t("title", { name: post.event.name })}</h1>
      <p className="text-sm text-slate-600">{post.event.date}</p>
      {/* Formatted in the browser (a Web Worker), like every note: the post holds other people's notes. */}
      <MarkdownPreview
        source={body}
        className="prose-writeup flex flex-col gap-3 leading-relaxed [&_h2]:mt-6 [&_h2]:text-2xl [&_h2]:font-bold [&_h3]:mt-4 [&_h3]:break-after-avoid [&_h3]:text-xl [&_h3]:font-semibold [&_h4]:font-semibold [&_li]:ml-5 [&_ol]:list-decimal [&_pre]:overflow-x-auto [&_pre]:whitespace-pre-wrap [&_pre]:bg-slate-50 [&_pre]:p-2 [&_ul]:list-disc"
      />
    </article>
  );
}
