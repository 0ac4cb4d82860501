"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { submitWith } from "@/components/ui/submit-with";
import { addCommentAction, deleteCommentAction, editCommentAction } from "@/lib/actions/teams";
import type { ActionResult } from "@/lib/actions/safe-action";
import { useErrorText } from "@/components/use-error-text";
import { formatDateTimeWithZone } from "@/lib/time/zoned";

export type CommentView = {
  id: string;
  body: string;
  createdAt: string;
  updatedAt: string;
  author: { id: string; name: string };
  replies: CommentView[];
};

function CommentForm({
  noteId,
  parentId,
  initial,
  commentId,
  onDone,
  label,
}: {
  noteId: string;
  parentId?: string;
  initial?: string;
  commentId?: string;
  onDone?: () => void;
  label: string;
}) {
  const t = useTranslations("teams");
  const errors = useErrorText();
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const id = `comment-${commentId ?? parentId ?? noteId}-${commentId ? "edit" : "new"}`;
  const message = errors.message(result);
  return (
    <form
      noValidate
      className="flex flex-col gap-1"
      onSubmit={submitWith((form, element) =>
        startTransition(async () => {
          const body = String(form.get("body") ?? "");
          const res = commentId
            ? await editCommentAction({ commentId, body })
            : await addCommentAction({ noteId, body, ...(parentId ? { parentId } : {}) });
          setResult(res);
          if (res.ok) {
            if (!commentId) element.reset();
            onDone?.();
            router.refresh();
          }
        }),
      )}
    >
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <textarea
        id={id}
        name="body"
        rows={2}
        defaultValue={initial}
        placeholder={t("commentPlaceholder")}
        className="w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) e.currentTarget.form?.requestSubmit();
        }}
      />
      <div className="flex items-center gap-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-600 px-3 py-1 text-sm font-semibold text-white hover:bg-brand-700"
        >
          {commentId ? t("save") : label}
        </button>
        {onDone ? (
          <button type="button" onClick={onDone} className="text-sm text-slate-600 underline">
            {t("cancel")}
          </button>
        ) : null}
        {message ? (
          <p role="alert" className="text-xs text-red-700">
            {message}
          </p>
        ) : null}
      </div>
    </form>
  );
}

function CommentItem({
  noteId,
  comment,
  myId,
  canComment,
  timeZone,
}: {
  noteId: string;
  comment: CommentView;
  myId: string;
  canComment: boolean;
  timeZone: string;
}) {
  const t = useTranslations("teams");
  const router = useRouter();
  const errors = useErrorText();
  const [mode, setMode] = useState<"view" | "edit" | "reply">("view");
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const mine = comment.author.id === myId;
  const message = errors.message(result);
  return (
    <li className="flex flex-col gap-1 border-l-2 border-slate-200 pl-3" data-testid="comment">
      <p className="text-xs text-slate-600">
        <span className="font-semibold text-slate-800">{comment.author.name}</span> ·{" "}
        <time dateTime={comment.createdAt}>{formatDateTimeWithZone(new Date(comment.createdAt), timeZone)}</time>
        {comment.updatedAt !== comment.createdAt ? ` · ${t("edited")}` : ""}
      </p>
      {mode === "edit" ? (
        <CommentForm
          noteId={noteId}
          commentId={comment.id}
          initial={comment.body}
          label={t("edit")}
          onDone={() => setMode("view")}
        />
      ) : (
        <p className="whitespace-pre-wrap text-sm" data-testid="comment-body">
          {comment.body}
        </p>
      )}
      {mode === "view" ? (
        <div className="flex gap-3 text-xs">
          {canComment ? (
            <button type="button" className="text-brand-700 underline" onClick={() => setMode("reply")}>
              {t("reply")}
            </button>
          ) : null}
          {mine ? (
            <>
              <button type="button" className="text-brand-700 underline" onClick={() => setMode("edit")}>
                {t("edit")}
              </button>
              <button
                type="button"
                disabled={pending}
                className="text-red-700 underline"
                onClick={() =>
                  startTransition(async () => {
                    const res = await deleteCommentAction({ commentId: comment.id });
                    setResult(res);
                    if (res.ok) router.refresh();
                  })
                }
              >
                {t("deleteComment")}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      {message ? (
        <p role="alert" className="text-xs text-red-700">
          {message}
        </p>
      ) : null}
      {mode === "reply" ? (
        <CommentForm noteId={noteId} parentId={comment.id} label={t("reply")} onDone={() => setMode("view")} />
      ) : null}
      {comment.replies.length ? (
        <ul className="mt-1 flex flex-col gap-2">
          {comment.replies.map((r) => (
            <CommentItem
              key={r.id}
              noteId={noteId}
              comment={r}
              myId={myId}
              canComment={canComment}
              timeZone={timeZone}
            />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** Comment times are written in the event's time zone, with the zone (the same text on server and browser). */
export function CommentThread({
  noteId,
  comments,
  myId,
  canComment,
  timeZone,
}: {
  noteId: string;
  comments: CommentView[];
  myId: string;
  canComment: boolean;
  timeZone: string;
}) {
  const t = useTranslations("teams");
  return (
    <div className="flex flex-col gap-2">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("comments")}</h4>
      {comments.length ? (
        <ul className="flex flex-col gap-2">
          {comments.map((c) => (
            <CommentItem
              key={c.id}
              noteId={noteId}
              comment={c}
              myId={myId}
              canComment={canComment}
              timeZone={timeZone}
            />
          ))}
        </ul>
      ) : null}
      {canComment ? <CommentForm noteId={noteId} label={t("comment")} /> : null}
    </div>
  );
}
