"use client";

import { useEffect } from "react";
import { useCacheForOffline } from "@/components/notes/use-cache-for-offline";
import { flushOutbox } from "@/lib/notes/outbox";

/** Registers the service worker and, for a signed-in user, syncs notes typed offline on any page. */
export function ServiceWorker({ userId }: { userId: string | null }) {
  useEffect(() => {
    if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js").catch(() => undefined);
  }, []);
  useCacheForOffline();
  useEffect(() => {
    if (!userId) return;
    const flush = () => void flushOutbox(userId).catch(() => undefined);
    flush();
    window.addEventListener("online", flush);
    return () => window.removeEventListener("online", flush);
  }, [userId]);
  return null;
}
