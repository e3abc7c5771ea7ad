// Runs before the page is drawn (a plain script in <head>: the CSP forbids inline script).
// 1. The reader's light/dark choice (crates/app/js/theme.js), so the page never flashes the
//    other theme. 2. The service worker (sw.js, written by scripts/sw-manifest.mjs at build
//    time): it keeps the app's own files so the page opens and verifies self-contained badges
//    offline after the first visit. Registered once the page has loaded, never on insecure
//    origins (browsers refuse it there anyway).
try {
  const t = localStorage.getItem('badge-verifier-theme');
  if (t === 'dark' || t === 'light') document.documentElement.dataset.theme = t;
} catch {
  // No storage: follow prefers-color-scheme.
}
if ('serviceWorker' in navigator && window.isSecureContext) {
  addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch(() => {
      // Not installable here (no sw.js: a build without the hook); the page works as before.
    });
  });
}
