/* The site's service worker (content/pwa.py, README "Offline and installable").
 *
 * - shell: stylesheet, scripts, icon, offline pages; cached at install, per version
 * - pages: the pages read (network first), and the latest notices and news of the
 *   resident's group (fetched on activation and on visits); forgotten when the
 *   person signs out or another person signs in (the page's "civic-viewer")
 * - push: shows the notification; a click opens its page
 */
"use strict";

const CONFIG = {{ config|safe }};
const SHELL = "shell-" + CONFIG.version;
const PAGES = "pages";
const META = "meta";
const MAX_PAGES = 60;
const REFRESH_EVERY_MS = 10 * 60 * 1000;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(CONFIG.shell))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith("shell-") && name !== SHELL)
          .map((name) => caches.delete(name))
      );
      await self.clients.claim();
      await refreshGroupPages(true);
    })()
  );
});

// --- what the person is: pages kept for one person only ------------------------

async function readMeta(key) {
  const cache = await caches.open(META);
  const response = await cache.match("/__meta__/" + key);
  return response ? response.text() : null;
}

async function writeMeta(key, value) {
  const cache = await caches.open(META);
  await cache.put("/__meta__/" + key, new Response(String(value)));
}

async function forgetPages() {
  await caches.delete(PAGES);
  await writeMeta("refreshed", "0");
}

async function setViewer(viewer) {
  const known = await readMeta("viewer");
  if (known !== viewer) {
    await forgetPages();
    await writeMeta("viewer", viewer);
  }
  return known !== viewer;
}

// --- the group's latest notices and news ---------------------------------------

async function refreshGroupPages(force) {
  try {
    const last = Number((await readMeta("refreshed")) || 0);
    if (!force && Date.now() - last < REFRESH_EVERY_MS) return;
    const response = await fetch(CONFIG.groupPages, { credentials: "same-origin" });
    if (!response.ok) return;
    const data = await response.json();
    // Only the pages say who they are for (a message); a list fetched for
    // someone else (signed in or out meanwhile) is dropped, and so is a page
    // that arrives after the person changed.
    const current = () => readMeta("viewer").then((viewer) => viewer === data.viewer);
    if (!data.viewer || !(await current())) return;
    const cache = await caches.open(PAGES);
    await Promise.all(
      data.pages.map(async (url) => {
        try {
          const page = await fetch(url, { credentials: "same-origin" });
          if (keepable(new URL(page.url), page) && (await current())) {
            await cache.put(url, page);
          }
        } catch (error) {
          /* offline again: keep what we have */
        }
      })
    );
    await writeMeta("refreshed", String(Date.now()));
    await trim(cache);
  } catch (error) {
    /* offline or a server error: try again on the next visit */
  }
}

async function keep(path) {
  // a page opened before this worker ran (the first visit)
  try {
    const url = new URL(path, self.location.origin);
    if (url.origin !== self.location.origin) return;
    const page = await fetch(url, { credentials: "same-origin" });
    if (keepable(new URL(page.url), page)) await (await caches.open(PAGES)).put(url, page);
  } catch (error) {
    /* offline: nothing to keep */
  }
}

async function trim(cache) {
  const keys = await cache.keys();
  for (const request of keys.slice(0, Math.max(0, keys.length - MAX_PAGES))) {
    await cache.delete(request);
  }
}

// --- requests -------------------------------------------------------------------

function withoutLanguage(path) {
  for (const code of CONFIG.languages) {
    if (code !== CONFIG.defaultLanguage && path.startsWith("/" + code + "/")) {
      return path.slice(code.length + 1);
    }
  }
  return path;
}

function isPrivate(url) {
  const path = withoutLanguage(url.pathname).replace(/^\//, "");
  return CONFIG.private.some((prefix) => path === prefix || path.startsWith(prefix + "/"));
}

function keepable(url, response) {
  if (url.origin !== self.location.origin || url.search || isPrivate(url)) return false;
  if (!response || response.status !== 200 || response.type !== "basic") return false;
  const type = response.headers.get("Content-Type") || "";
  const control = response.headers.get("Cache-Control") || "";
  // "private" is fine: this is the person's own browser, and their pages go at sign-out
  return type.startsWith("text/html") && !/no-store/.test(control);
}

function offlineUrl(url) {
  for (const code of CONFIG.languages) {
    if (code !== CONFIG.defaultLanguage && url.pathname.startsWith("/" + code + "/")) {
      return CONFIG.offline[code];
    }
  }
  return CONFIG.offline[CONFIG.defaultLanguage];
}

async function networkFirst(request) {
  const url = new URL(request.url);
  try {
    const response = await fetch(request);
    if (keepable(url, response)) {
      const copy = response.clone();
      caches.open(PAGES).then((cache) => cache.put(request, copy));
    }
    return response;
  } catch (error) {
    const kept = await caches.match(request, { cacheName: PAGES, ignoreVary: true });
    if (kept) return kept;
    const offline = await caches.match(offlineUrl(url), { cacheName: SHELL });
    return offline || Response.error();
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && request.method === "POST") {
    // signing out: the pages kept for this person go before the request does
    if (CONFIG.signOut.includes(url.pathname)) {
      event.respondWith(forgetPages().then(() => writeMeta("viewer", "")).then(() => fetch(request)));
    }
    return;
  }
  if (request.method !== "GET") return;
  if (request.mode === "navigate") {
    event.respondWith(networkFirst(request));
    return;
  }
  if (CONFIG.shell.includes(url.pathname)) {
    event.respondWith(
      caches.match(request, { cacheName: SHELL }).then((hit) => hit || fetch(request))
    );
  }
});

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "viewer" && typeof data.viewer === "string") {
    event.waitUntil(
      setViewer(data.viewer)
        .then(() => (typeof data.keep === "string" ? keep(data.keep) : null))
        .then(() => (data.viewer ? refreshGroupPages(false) : null))
    );
  } else if (data.type === "sign-out") {
    event.waitUntil(forgetPages().then(() => writeMeta("viewer", "")));
  }
});

// --- push -----------------------------------------------------------------------

self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch (error) {
    data = { body: event.data ? event.data.text() : "" };
  }
  const title = data.title || "Khu dân cư điện tử";
  event.waitUntil(
    self.registration.showNotification(title, {
      body: data.body || "",
      tag: data.tag || undefined,
      icon: CONFIG.icon,
      badge: CONFIG.icon,
      lang: data.lang || CONFIG.defaultLanguage,
      data: { url: data.url || "/" },
    })
  );
});

function notificationTarget(notification) {
  // the notification's page on this site; another site's address is not opened
  const target = new URL((notification.data && notification.data.url) || "/", self.location.origin);
  return target.origin === self.location.origin ? target : null;
}

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = notificationTarget(event.notification);
  if (!target) return;
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      for (const client of windows) {
        if (client.url === target.href && "focus" in client) return client.focus();
      }
      return self.clients.openWindow(target.href);
    })()
  );
});
