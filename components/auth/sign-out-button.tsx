"use client";

import { signOut } from "next-auth/react";

export function SignOutButton({ label }: { label: string }) {
  async function onClick() {
    // Cached pages hold this user's notes; unsent drafts stay in IndexedDB (keyed by user) and sync on next sign-in.
    if ("caches" in window) await caches.delete("summit-pages-v1").catch(() => undefined);
    await signOut({ callbackUrl: "/" });
  }
  return (
    <button
      type="button"
      onClick={onClick}
      className="rounded-md border border-slate-300 px-2.5 py-1 font-medium text-slate-700 hover:bg-slate-100"
    >
      {label}
    </button>
  );
}
