// Summit Notes service worker: keeps the agenda and the user's note pages readable offline.
// Pages: network first, cached copy when offline. Build assets: cache first (immutable names).
// API calls are never cached: note saves go through the IndexedDB outbox instead.
const PAGES = "summit-pages-v1";
const ASSETS = "summit-assets-v1";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

async function putPage(request, response) {
  if (response.ok && response.type === "basic") await (await caches.open(PAGES)).put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;

  if (url.pathname.startsWith("/_next/static/") || url.pathname === "/icon.svg") {
    event.respondWith(
      caches.match(request).then(
        (hit) => hit || fetch(request).then(async (res) => {
          if (res.ok) await (await caches.open(ASSETS)).put(request, res.clone());
          return res;
        }),
      ),
    );
    return;
  }

  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request)
        .then((res) => putPage(new Request(url.pathname + url.search), res))
        .catch(async () => (await caches.match(new Request(url.pathname + url.search), { cacheName: PAGES })) || offlinePage()),
    );
  }
});

function offlinePage() {
  return new Response(
    '<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Offline</title>' +
      '<body style="font-family:system-ui;padding:2rem"><h1>Offline / 오프라인</h1><p>This page was not opened before going offline. Your notes are kept on this device and sync when you are back online.</p>' +
      "<p>이 페이지는 오프라인 전에 열어 본 적이 없습니다. 노트는 이 기기에 보관되어 다시 연결되면 동기화됩니다.</p>",
    { headers: { "Content-Type": "text/html; charset=utf-8" }, status: 503 },
  );
}

// The page tells us what it loaded before this worker controlled it, so the first visit works offline too.
self.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "CACHE_PAGE") return;
  event.waitUntil(
    (async () => {
      const assets = await caches.open(ASSETS);
      await Promise.all(
        (data.assets || [])
          .filter((u) => new URL(u, self.location.origin).pathname.startsWith("/_next/static/"))
          .map((u) => assets.match(u).then((hit) => hit || assets.add(u).catch(() => undefined))),
      );
      if (data.page) {
        const res = await fetch(data.page, { credentials: "same-origin" }).catch(() => null);
        if (res) await putPage(new Request(data.page), res);
      }
    })(),
  );
});
