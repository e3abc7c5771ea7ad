// The light/dark switch (issue #18): the stylesheet reads `data-theme` on <html>; without it the
// page follows prefers-color-scheme. public/pwa.js applies the stored choice before the first
// paint; these read and change it. The choice is remembered per browser (localStorage).
const KEY = 'badge-verifier-theme';

export function isDark() {
  const t = document.documentElement.dataset.theme;
  if (t === 'dark' || t === 'light') return t === 'dark';
  return matchMedia('(prefers-color-scheme: dark)').matches;
}

export function setDark(dark) {
  const t = dark ? 'dark' : 'light';
  document.documentElement.dataset.theme = t;
  try {
    localStorage.setItem(KEY, t);
  } catch {
    // Storage refused (private mode, policy): the choice lasts for this page only.
  }
}
