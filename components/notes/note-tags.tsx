"use client";

import { useEffect, useId, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/use-error-text";
import {
  addNoteTagAction,
  removeNoteTagAction,
  searchServicesAction,
  suggestNoteTagsAction,
} from "@/lib/actions/notes";
import { refreshOfflineCopy } from "./use-cache-for-offline";

/** A server action that cannot reach the server (offline) resolves to null instead of throwing. */
async function reach<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch {
    return null;
  }
}

export type TagView = {
  id: string;
  topic: string | null;
  source: string;
  service: { slug: string; name: string; shortName: string; category: string } | null;
};
type Suggestion = { slug: string; name: string; shortName: string; matched: string[] };
type Option = { slug: string; name: string; shortName: string; category: string; matched: string };

/** Tags of a note: autocomplete over the AWS catalog (Korean too), #topics, and suggestions from the text. */
export function NoteTags({
  noteId,
  initialTags,
  bodyVersion,
}: {
  noteId: string | null;
  initialTags: TagView[];
  bodyVersion: number;
}) {
  const t = useTranslations("notes.tags");
  const errors = useErrorText();
  const listId = useId();
  const [tags, setTags] = useState(initialTags);
  const [query, setQuery] = useState("");
  const [options, setOptions] = useState<Option[]>([]);
  const [active, setActive] = useState(0);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [dismissed, setDismissed] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  // Suggestions follow the saved text (the server reads the note it stored).
  useEffect(() => {
    if (!noteId) return;
    const timer = setTimeout(async () => {
      const res = await reach(() => suggestNoteTagsAction({ noteId }));
      if (res?.ok) setSuggestions(res.data);
    }, 400);
    return () => clearTimeout(timer);
  }, [noteId, bodyVersion, tags.length]);

  useEffect(() => {
    const q = query.trim();
    if (!q || q.startsWith("#")) return;
    const timer = setTimeout(async () => {
      const res = await reach(() => searchServicesAction({ query: q }));
      if (res?.ok) {
        setOptions(res.data);
        setActive(0);
      }
    }, 150);
    return () => clearTimeout(timer);
  }, [query]);

  function add(input: { serviceSlug?: string; topic?: string; source?: "CHOSEN" | "SUGGESTED" }) {
    if (!noteId) return;
    startTransition(async () => {
      const res = await reach(() => addNoteTagAction({ noteId, ...input }));
      if (!res) setError(t("offline"));
      else if (res.ok) {
        setTags(res.data);
        setQuery("");
        setOptions([]);
        setError(null);
        refreshOfflineCopy();
      } else
        setError(
          res.message === "too_many_tags"
            ? t("tooMany", { limit: Number(res.details?.limit ?? 50) })
            : errors.message(res),
        );
    });
  }
  function remove(tagId: string) {
    if (!noteId) return;
    startTransition(async () => {
      const res = await reach(() => removeNoteTagAction({ noteId, tagId }));
      if (!res) setError(t("offline"));
      else if (res.ok) {
        setTags(res.data);
        refreshOfflineCopy();
      }
    });
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, options.length - 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === "Escape") setOptions([]);
    else if (e.key === "Enter") {
      e.preventDefault();
      if (query.trim().startsWith("#")) add({ topic: query.trim() });
      else if (options[active]) add({ serviceSlug: options[active].slug });
    }
  }

  const tagged = new Set(tags.flatMap((x) => (x.service ? [x.service.slug] : [])));
  const visibleSuggestions = suggestions.filter((s) => !tagged.has(s.slug) && !dismissed.includes(s.slug));
  const showOptions = options.length > 0 && query.trim() && !query.trim().startsWith("#");

  return (
    <section aria-labelledby="tags-heading" className="flex flex-col gap-2 rounded-xl bg-white p-3 shadow-sm">
      <h2 id="tags-heading" className="text-sm font-semibold">
        {t("title")}
      </h2>
      {!noteId ? <p className="text-xs text-slate-500">{t("saveFirst")}</p> : null}
      <ul className="flex flex-wrap gap-1" data-testid="note-tags" aria-label={t("title")}>
        {tags.length === 0 && noteId ? <li className="text-xs text-slate-500">{t("none")}</li> : null}
        {tags.map((tag) => {
          const name = tag.service ? tag.service.shortName : `#${tag.topic}`;
          return (
            <li
              key={tag.id}
              className="flex items-center gap-1 rounded-full bg-brand-100 px-2 py-0.5 text-sm"
              title={tag.service ? `${tag.service.name} · ${tag.service.category}` : undefined}
            >
              <span>{name}</span>
              <button
                type="button"
                aria-label={t("remove", { name })}
                onClick={() => remove(tag.id)}
                className="text-slate-500 hover:text-red-700"
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      {visibleSuggestions.length ? (
        <div className="flex flex-col gap-1" data-testid="tag-suggestions">
          <p className="text-xs font-medium text-slate-600">{t("suggested")}</p>
          <ul className="flex flex-wrap gap-2">
            {visibleSuggestions.map((s) => (
              <li
                key={s.slug}
                className="flex items-center gap-1 rounded-full border border-dashed border-brand-500 px-2 py-0.5 text-sm"
              >
                <button
                  type="button"
                  aria-label={t("accept", { name: s.shortName })}
                  onClick={() => add({ serviceSlug: s.slug, source: "SUGGESTED" })}
                  className="font-medium text-brand-700"
                >
                  + {s.shortName}
                </button>
                <button
                  type="button"
                  aria-label={t("dismiss", { name: s.shortName })}
                  onClick={() => setDismissed((d) => [...d, s.slug])}
                  className="text-slate-600"
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="relative">
        <label htmlFor="tag-input" className="sr-only">
          {t("add")}
        </label>
        <input
          id="tag-input"
          role="combobox"
          aria-expanded={!!showOptions}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showOptions ? `${listId}-${active}` : undefined}
          disabled={!noteId}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder={t("addPlaceholder")}
          className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm disabled:bg-slate-100"
        />
        {showOptions ? (
          <ul
            id={listId}
            role="listbox"
            aria-label={t("add")}
            className="absolute z-10 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-200 bg-white shadow-lg"
          >
            {options.map((o, i) => (
              <li
                key={o.slug}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => (e.preventDefault(), add({ serviceSlug: o.slug }))}
                className={`cursor-pointer px-3 py-2 text-sm ${i === active ? "bg-brand-50" : ""}`}
              >
                <span className="font-medium">{o.name}</span>{" "}
                <span className="text-xs text-slate-500">{o.category}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {error ? <p className="text-sm text-red-700">{error}</p> : null}
    </section>
  );
}
