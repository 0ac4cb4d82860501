"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { revokeIcsFeedAction, rotateIcsFeedAction } from "@/lib/actions/stars";

/** Create (or re-create, which revokes the old link) and revoke the personal calendar feed. */
export function IcsFeedControls({ hasFeed }: { hasFeed: boolean }) {
  const t = useTranslations("myAgenda");
  const [url, setUrl] = useState<string | null>(null);
  const [active, setActive] = useState(hasFeed);
  const [copied, setCopied] = useState(false);
  const [pending, startTransition] = useTransition();
  return (
    <section className="flex flex-col gap-2 rounded-xl bg-white p-4 shadow-sm" aria-labelledby="feed-heading">
      <h2 id="feed-heading" className="font-semibold">
        {t("feed")}
      </h2>
      <p className="text-sm text-slate-600">{t("feedHint")}</p>
      {url ? (
        <div className="flex gap-2">
          <input
            readOnly
            value={url}
            aria-label={t("feed")}
            className="flex-1 rounded border border-slate-300 px-2 py-1 font-mono text-xs"
            data-testid="feed-url"
          />
          <button
            type="button"
            className="rounded border border-slate-300 px-2 text-sm"
            onClick={() => navigator.clipboard?.writeText(url).then(() => setCopied(true))}
          >
            {copied ? t("copied") : t("copy")}
          </button>
        </div>
      ) : null}
      <div className="flex gap-2">
        <button
          type="button"
          disabled={pending}
          className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white"
          onClick={() =>
            startTransition(async () => {
              const res = await rotateIcsFeedAction();
              if (res.ok) {
                setUrl(`${window.location.origin}/api/ics/${res.data.token}.ics`);
                setActive(true);
              }
            })
          }
        >
          {t("createFeed")}
        </button>
        {active ? (
          <button
            type="button"
            disabled={pending}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-semibold"
            onClick={() =>
              startTransition(async () => {
                await revokeIcsFeedAction();
                setUrl(null);
                setActive(false);
              })
            }
          >
            {t("revokeFeed")}
          </button>
        ) : null}
      </div>
    </section>
  );
}
