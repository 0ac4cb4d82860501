"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useSyncExternalStore, useTransition } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { FormMessage } from "@/components/ui/form-message";
import { submitWith } from "@/components/ui/submit-with";
import { useErrorText } from "@/components/use-error-text";
import { revokePublicLinkAction, setNoteVisibilityAction } from "@/lib/actions/teams";
import type { ActionResult } from "@/lib/actions/safe-action";

type Visibility = "PRIVATE" | "TEAM" | "PUBLIC";
export type SharingState = { visibility: Visibility; teamIds: string[]; publicToken: string | null };
type Team = { id: string; name: string };
const noSubscribe = () => () => {};

/** Who can see a note: only me / my teams (chosen) / anyone with a revocable link. Author only. */
export function NoteSharing({
  noteId,
  initial,
  teams,
}: {
  noteId: string | null;
  initial: SharingState;
  teams: Team[];
}) {
  const t = useTranslations("noteSharing");
  const errors = useErrorText();
  const [state, setState] = useState<SharingState>(initial);
  const [choice, setChoice] = useState<Visibility>(initial.visibility);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const origin = useSyncExternalStore(
    noSubscribe,
    () => window.location.origin,
    () => "",
  );
  const publicUrl = state.publicToken ? `${origin}/p/${state.publicToken}` : "";
  const apply = (res: ActionResult<SharingState>) => {
    setResult(res);
    if (res.ok) {
      setState(res.data);
      setChoice(res.data.visibility);
    }
  };
  return (
    <section
      aria-labelledby="sharing-heading"
      className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-3"
      data-testid="note-sharing"
    >
      <h2 id="sharing-heading" className="text-sm font-semibold">
        {t("title")}: <span data-testid="sharing-current">{t(state.visibility)}</span>
      </h2>
      {!noteId ? (
        <p className="text-sm text-slate-600">{t("afterFirstSave")}</p>
      ) : (
        <form
          noValidate
          aria-label={t("title")}
          className="flex flex-col gap-2"
          onSubmit={submitWith((form) =>
            startTransition(async () => {
              const teamIds = form.getAll("teamIds").map(String);
              apply(
                (await setNoteVisibilityAction(
                  choice === "TEAM" ? { noteId, visibility: "TEAM", teamIds } : { noteId, visibility: choice },
                )) as ActionResult<SharingState>,
              );
            }),
          )}
        >
          <fieldset className="flex flex-col gap-1">
            <legend className="sr-only">{t("title")}</legend>
            {(["PRIVATE", "TEAM", "PUBLIC"] as const).map((v) => (
              <div key={v} className="flex flex-col gap-1">
                <label className="flex items-start gap-2 text-sm">
                  <input
                    type="radio"
                    name="visibility"
                    value={v}
                    checked={choice === v}
                    onChange={() => setChoice(v)}
                    className="mt-1"
                  />
                  <span>
                    <span className="font-medium">{t(v)}</span>
                    <span className="block text-xs text-slate-600">
                      {t(v === "PRIVATE" ? "privateHelp" : v === "TEAM" ? "teamHelp" : "publicHelp")}
                    </span>
                  </span>
                </label>
                {/* The teams to share with sit right under "My teams", not under the last option. */}
                {v === "TEAM" && choice === "TEAM" ? (
                  teams.length ? (
                    <fieldset className="ml-6 flex flex-wrap gap-3">
                      <legend className="sr-only">{t("TEAM")}</legend>
                      {teams.map((team) => (
                        <label key={team.id} className="flex items-center gap-1 text-sm">
                          <input
                            type="checkbox"
                            name="teamIds"
                            value={team.id}
                            defaultChecked={
                              state.teamIds.includes(team.id) || (state.teamIds.length === 0 && teams.length === 1)
                            }
                          />
                          {team.name}
                        </label>
                      ))}
                    </fieldset>
                  ) : (
                    <p className="ml-6 text-sm text-slate-600">
                      {t("noTeams")}{" "}
                      <Link href="/teams" className="text-brand-700 underline">
                        {t("createTeam")}
                      </Link>
                    </p>
                  )
                ) : null}
              </div>
            ))}
          </fieldset>
          <div>
            <button
              type="submit"
              disabled={pending}
              className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700"
            >
              {t("save")}
            </button>
          </div>
        </form>
      )}
      {noteId && state.visibility === "PUBLIC" && state.publicToken ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="public-url" className="text-xs font-medium">
            {t("link")}
          </label>
          <div className="flex flex-wrap gap-2">
            <input
              id="public-url"
              readOnly
              value={publicUrl}
              className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs"
              data-testid="public-url"
            />
            <CopyButton text={publicUrl} label={t("copy")} copiedLabel={t("copied")} selectId="public-url" />
          </div>
          <div className="flex flex-wrap gap-3 text-xs">
            <button
              type="button"
              disabled={pending}
              className="text-brand-700 underline"
              onClick={() =>
                startTransition(async () =>
                  apply((await revokePublicLinkAction({ noteId, mode: "reissue" })) as ActionResult<SharingState>),
                )
              }
            >
              {t("reissue")}
            </button>
            <button
              type="button"
              disabled={pending}
              className="text-red-700 underline"
              onClick={() =>
                startTransition(async () =>
                  apply((await revokePublicLinkAction({ noteId, mode: "clear" })) as ActionResult<SharingState>),
                )
              }
            >
              {t("revoke")}
            </button>
          </div>
        </div>
      ) : null}
      <FormMessage message={result?.ok ? t("saved") : errors.message(result)} tone={result?.ok ? "success" : "error"} />
    </section>
  );
}
