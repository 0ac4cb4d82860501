"use client";

import { useEffect } from "react";
import { useCacheForOffline } from "@/components/notes/use-cache-for-offline";

/** Registers the service worker and, for a signed-in user, syncs notes typed offline on any page. */
export function ServiceWorker({ userId }: { userId: string | null }) {
  useEffect(() => {
    if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js").catch(() => undefined);
  }, []);
  useCacheForOffline();
  useEffect(() => {
    if (!userId) return;
    // Loaded on demand: IndexedDB code (Dexie) stays out of every page's first load.
    const flush = () =>
      void import("@/lib/notes/outbox").then(({ flushOutbox }) => flushOutbox(userId)).catch(() => undefined);
    flush();
    window.addEventListener("online", flush);
    return () => window.removeEventListener("online", flush);
  }, [userId]);
  return null;
}
