// The light/dark switch (issue #18): the stylesheet reads `data-theme` on <html>; without it the
// page follows prefers-color-scheme. public/pwa.js applies the stored choice before the first
// paint and handles the switch's clicks (remembered per browser, in localStorage); the app only
// asks which theme is showing, for the switch's first state.
export function isDark() {
  const t = document.documentElement.dataset.theme;
  if (t === 'dark' || t === 'light') return t === 'dark';
  return matchMedia('(prefers-color-scheme: dark)').matches;
}
