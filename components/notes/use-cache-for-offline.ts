"use client";

import { useEffect } from "react";

/** Asks the service worker to keep this page and the scripts it loaded, for reloading offline. */
export function useCacheForOffline() {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.ready.then((reg) => {
      const assets = performance
        .getEntriesByType("resource")
        .map((e) => e.name)
        .filter((u) => u.startsWith(location.origin + "/_next/static/"));
      reg.active?.postMessage({ type: "CACHE_PAGE", page: location.pathname + location.search, assets });
    });
  }, []);
}
