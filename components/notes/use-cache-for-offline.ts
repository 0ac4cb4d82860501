"use client";

import { useEffect } from "react";

/** Asks the service worker to keep this page and the scripts it loaded, for reloading offline. */
export function useCacheForOffline() {
  useEffect(() => {
    refreshOfflineCopy();
  }, []);
}

/**
 * Asks the service worker for a fresh offline copy of this page (after its server-rendered parts
 * changed: a note created, tags accepted), together with the scripts it loaded.
 */
export function refreshOfflineCopy() {
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return;
  const page = location.pathname + location.search;
  navigator.serviceWorker.ready
    .then((reg) => {
      const assets = performance
        .getEntriesByType("resource")
        .map((e) => e.name)
        .filter((u) => u.startsWith(location.origin + "/_next/static/"));
      reg.active?.postMessage({ type: "CACHE_PAGE", page, assets });
    })
    .catch(() => undefined);
}

/**
 * Asks the service worker to keep `pages` (and the scripts they name) for offline use unless it has
 * them already, and to fetch `refresh` again in any case.
 */
export function keepPagesOffline(pages: string[], refresh: string[] = []) {
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return;
  navigator.serviceWorker.ready
    .then((reg) => reg.active?.postMessage({ type: "CACHE_PAGES", pages, refresh }))
    .catch(() => undefined);
}
