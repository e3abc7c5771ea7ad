// Trunk post_build hook (the last one: it lists what the others wrote): writes sw.js, the
// service worker that makes the app work offline after the first visit (issue #18). It
// precaches every file of the build — index.html, the app's hashed .js/.wasm, the loader
// (boot-<hash>.js), the on-demand modules (suites, documents), the zh-TW details table, the
// stylesheet, icons and manifest — in a cache named after the hash of all their contents, so a
// new build gets a new cache and the old one is deleted when the new worker takes over.
// The worker answers only for those files (cache first) and for page loads (the cached
// index.html, whatever the query: ?url= and #credential= links open offline); every other
// request — badges, issuer keys, status lists, `badge-verify serve`'s relay — goes to the
// network untouched and is never cached. Runs in Trunk's staging directory.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this from a Trunk hook');

function walk(d, prefix = '') {
  return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    const rel = prefix + e.name;
    return e.isDirectory() ? walk(path.join(d, e.name), rel + '/') : [rel];
  });
}
const files = walk(dir).filter((f) => f !== 'sw.js').sort();
for (const must of ['index.html', 'pwa.js', 'manifest.json']) {
  if (!files.includes(must)) throw new Error(`sw-manifest: ${must} is not in the build`);
}
if (!files.some((f) => /^badge-verifier-app-[0-9a-f]+_bg\.wasm$/.test(f))) {
  throw new Error('sw-manifest: the app .wasm is not in the build');
}
const hash = crypto.createHash('sha256');
for (const f of files) hash.update(f + '\0').update(fs.readFileSync(path.join(dir, f)));
const version = hash.digest('hex').slice(0, 16);
const urls = files.map((f) => './' + f.split('/').map(encodeURIComponent).join('/'));

const sw = `// Written by scripts/sw-manifest.mjs at build time: do not edit.
// The app's own files, cache first; nothing else is answered or cached here.
const CACHE = 'badge-verifier-${version}';
const FILES = ${JSON.stringify(urls, null, 0)};
const SCOPE = new URL('./', self.location).href;
const PRECACHED = new Set(FILES.map((f) => new URL(f, SCOPE).href));

self.addEventListener('install', (event) => {
  // A new build takes over at once; pages already open keep the files they loaded.
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(
    keys.filter((k) => k.startsWith('badge-verifier-') && k !== CACHE).map((k) => caches.delete(k)),
  )));
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  // Badges, keys and status lists on other sites: straight to the network, never cached.
  if (url.origin !== self.location.origin) return;
  if (req.mode === 'navigate' && url.href.startsWith(SCOPE)
    && (url.pathname === new URL(SCOPE).pathname || url.pathname.endsWith('/index.html'))) {
    // The page itself, whatever its ?url= or #credential=.
    event.respondWith(caches.open(CACHE).then((c) => c.match('./index.html'))
      .then((hit) => hit || fetch(req)));
    return;
  }
  url.search = '';
  url.hash = '';
  if (!PRECACHED.has(url.href)) return;
  event.respondWith(caches.open(CACHE).then((c) => c.match(url.href)).then((hit) => hit || fetch(req)));
});
`;
fs.writeFileSync(path.join(dir, 'sw.js'), sw);
console.log(`sw-manifest: sw.js precaches ${files.length} files as badge-verifier-${version}`);
