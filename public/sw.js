// Summit Notes service worker: keeps the agenda, the talk pages and the user's note pages usable offline.
// Pages: network first, cached copy when offline. Build assets: cache first (immutable names).
// API calls are never cached: note saves go through the IndexedDB outbox instead.
const PAGES = "summit-pages-v1";
const ASSETS = "summit-assets-v1";
// Build assets a page names in its HTML: <script src>, <link href> and the chunks listed in the
// React payload (the scripts a page needs once it is opened).
const ASSET_URL = /\/_next\/static\/[^"'\\\s<>()]+/g;

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

  if (url.pathname.startsWith("/_next/static/") || url.pathname === "/icon.svg" || url.pathname === "/favicon.ico") {
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

async function keepAssets(urls) {
  const assets = await caches.open(ASSETS);
  const wanted = [...new Set(urls)].filter((u) => new URL(u, self.location.origin).pathname.startsWith("/_next/static/"));
  await Promise.all(wanted.map((u) => assets.match(u).then((hit) => hit || assets.add(u).catch(() => undefined))));
}

// The newest request per page: an older fetch that finishes later must not overwrite a newer copy.
const latest = new Map();

/** Fetches a page (signed in, as the user would see it) into the cache, with the assets it names. */
async function keepPage(page, force) {
  const key = new Request(page);
  const pages = await caches.open(PAGES);
  if (!force && (await pages.match(key))) return;
  const ticket = (latest.get(page) || 0) + 1;
  latest.set(page, ticket);
  const res = await fetch(page, { credentials: "same-origin" }).catch(() => null);
  // A redirect (signed out: the sign-in page) must not stand in for the page asked for.
  if (!res || !res.ok || res.redirected || res.type !== "basic") return;
  const html = await res.clone().text();
  if (latest.get(page) !== ticket) return;
  await pages.put(key, res);
  await keepAssets(html.match(ASSET_URL) || []);
}

async function keepPages(list, force) {
  const queue = [...new Set(list)];
  // Two at a time: a whole event's pages, without flooding the server or the conference Wi-Fi.
  const worker = async () => {
    while (queue.length) await keepPage(queue.shift(), force).catch(() => undefined);
  };
  await Promise.all([worker(), worker()]);
}

self.addEventListener("message", (event) => {
  const data = event.data;
  if (!data) return;
  // The page tells us what it loaded before this worker controlled it, so the first visit works
  // offline too; it is fetched again (its server-rendered parts may have changed).
  if (data.type === "CACHE_PAGE") {
    event.waitUntil(Promise.all([keepAssets(data.assets || []), data.page ? keepPage(data.page, true).catch(() => undefined) : null]));
  }
  // An agenda asks for its event's pages (talks, note editors, My agenda): kept unless already
  // cached; those in `refresh` are fetched again.
  if (data.type === "CACHE_PAGES") {
    event.waitUntil(keepPages(data.refresh || [], true).then(() => keepPages(data.pages || [], false)));
  }
});
