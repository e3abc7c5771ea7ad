// Browser plumbing for the page as an installed app (issue #18), in a plain script in <head>
// (the CSP forbids inline script); the app's WebAssembly renders the controls and the words.
// 1. The reader's light/dark choice (data-theme on <html>, remembered in localStorage), applied
//    before the page is drawn so it never flashes the other theme; the switch (#theme-switch,
//    a toggle button: pressed is dark) is handled here.
// 2. data-offline on <html> while the browser has no network: the stylesheet shows the app's
//    offline notice (.offline-notice).
// 3. The service worker (sw.js, written by scripts/sw-manifest.mjs at build time): it keeps the
//    app's own files so the page opens and verifies self-contained badges offline after the
//    first visit. Registered once the page has loaded, only in a secure context.
const THEME = 'badge-verifier-theme';
try {
  const t = localStorage.getItem(THEME);
  if (t === 'dark' || t === 'light') document.documentElement.dataset.theme = t;
} catch {
  // No storage: follow prefers-color-scheme.
}
document.addEventListener('click', (e) => {
  const button = e.target instanceof Element && e.target.closest('#theme-switch');
  if (!button) return;
  const dark = button.getAttribute('aria-pressed') !== 'true';
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  button.setAttribute('aria-pressed', String(dark));
  try {
    localStorage.setItem(THEME, dark ? 'dark' : 'light');
  } catch {
    // Storage refused (private mode, policy): the choice lasts for this page only.
  }
});

const online = () => document.documentElement.toggleAttribute('data-offline', !navigator.onLine);
online();
addEventListener('online', online);
addEventListener('offline', online);

if ('serviceWorker' in navigator && window.isSecureContext) {
  addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch(() => {
      // Not installable here (no sw.js: a build without the hook); the page works as before.
    });
  });
}
