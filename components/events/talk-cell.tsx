import type { AgendaTalk } from "@/lib/data/events";

export function TalkCell({ talk, label }: { talk: AgendaTalk; label?: string }) {
  return (
    <article className="flex flex-col gap-0.5" data-testid="talk-cell">
      {label ? <span className="text-xs font-semibold tracking-wide text-brand-700 uppercase">{label}</span> : null}
      <h3 className="font-semibold text-slate-900">{talk.title}</h3>
      {talk.speakers.length ? <p className="text-xs text-slate-600">{talk.speakers.join(", ")}</p> : null}
    </article>
  );
}
