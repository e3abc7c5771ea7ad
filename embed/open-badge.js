// <open-badge src="https://issuer.example/assertions/123"></open-badge> (issue #19): an Open
// Badge verified live in the visitor's browser by the project's WebAssembly verifier, shown as a
// small card with its verdict in words and a link to the full report in the app.
//
// Badge text is untrusted: it only ever reaches the page through textContent and attributes
// (never innerHTML), images only from http(s) or data:image URIs through <img> (an SVG there
// runs no script), links only to http(s). Everything lives in a shadow root with its own styles.
// The verifier (≈ the app's first-load core) is loaded when the first element connects, once
// per page, from beside this script; each badge URL is verified once per page. A badge that
// needs what the lean build leaves out (RSA, P-384 … : check `full-verifier`) is verified again
// by the full build (verifier-full/), loaded only then.
//
// Attributes: src (the badge's http(s) URL), report-base (the app whose `?url=` opens the full
// report; default: the directory above this script, where the app serves it), lang (else the
// nearest lang attribute, else navigator.language).

const SCRIPT_URL = import.meta.url;
// The verifier: crates/js's web build (wasm-bindgen glue, the package's wrapper and its .wasm),
// built without the core's default features by scripts/build-embed.sh, beside this script.
const VERIFIER_URL = new URL('./verifier/web/index.mjs', SCRIPT_URL).href;
// The full verifier (crates/js with every feature: the npm package's build), loaded only for a
// badge the lean one reports as needing it (check `full-verifier`), then verified again.
const FULL_VERIFIER_URL = new URL('./verifier-full/web/index.mjs', SCRIPT_URL).href;

// The app's own words (crates/view/src/i18n.rs: verdict_label, verdict_explain and the card's
// labels), so a verdict reads the same here and in the full report; crates/view/tests/
// embed_words.rs fails when they drift apart.
const WORDS = {
  en: {
    valid: 'Valid', invalid: 'Invalid', revoked: 'Revoked', suspended: 'Suspended', expired: 'Expired',
    'not-yet-valid': 'Not yet valid', unverifiable: "Can't verify", error: 'Not a readable badge',
    explain: {
      valid: 'The badge is authentic, unchanged and in force.',
      invalid: 'The badge failed a check: it may have been altered or is malformed.',
      revoked: 'The issuer has revoked this badge.',
      suspended: 'The issuer has suspended this badge.',
      expired: 'The badge has expired.',
      'not-yet-valid': 'The badge is not valid yet.',
      unverifiable: 'Something needed to verify the badge could not be obtained.',
      error: 'This is not a badge this page can read.',
    },
    checking: 'Checking…', issuedBy: 'Issued by', issued: 'Issued', expires: 'Expires', earner: 'Earner',
    unknownIssuer: 'unknown issuer', unnamed: 'Unnamed badge',
    // The element's own sentences.
    report: 'Full report', badge: 'Open Badge',
    cors: "Can't verify here: the issuer's server does not allow this page to read the badge (or could not be reached) — open the full report.",
    full: "Can't verify here: this badge needs the full verifier, which could not be loaded — open the full report.",
    load: "Can't verify here: the verifier could not be loaded — open the full report.",
    noSrc: "This badge has no web address to verify: its src must start with https://.",
  },
  'zh-TW': {
    valid: '有效', invalid: '無效', revoked: '已撤銷', suspended: '已暫停', expired: '已過期',
    'not-yet-valid': '尚未生效', unverifiable: '無法驗證', error: '無法讀取的徽章',
    explain: {
      valid: '此徽章真實、未經竄改且有效。',
      invalid: '此徽章未通過檢查：可能遭到竄改或格式錯誤。',
      revoked: '頒發者已撤銷此徽章。',
      suspended: '頒發者已暫停此徽章。',
      expired: '此徽章已過期。',
      'not-yet-valid': '此徽章尚未生效。',
      unverifiable: '無法取得驗證所需的資料。',
      error: '此頁面無法讀取此檔案中的徽章。',
    },
    checking: '驗證中……', issuedBy: '頒發者', issued: '頒發日期', expires: '到期日', earner: '獲得者',
    unknownIssuer: '未知頒發者', unnamed: '未命名徽章',
    report: '完整報告', badge: '開放徽章',
    cors: '無法在此驗證：頒發者的伺服器不允許此網頁讀取徽章（或目前無法連線）— 請開啟完整報告。',
    full: '無法在此驗證：此徽章需要完整版驗證器，但無法載入 — 請開啟完整報告。',
    load: '無法在此驗證：無法載入驗證器 — 請開啟完整報告。',
    noSrc: '此徽章沒有可驗證的網址：src 必須以 https:// 開頭。',
  },
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

/** The app's rule (Lang::from_tag): Chinese that is not explicitly Simplified reads zh-TW. */
function langOf(tag) {
  const t = String(tag || '').toLowerCase();
  return t.startsWith('zh') && !t.includes('hans') && !t.endsWith('-cn') && !t.endsWith('-sg') ? 'zh-TW' : 'en';
}

/** "12 March 2024" / "2024年3月12日" (UTC), as the app shows dates; other text as it is. */
function formatDate(s, lang) {
  const text = String(s).trim();
  let d = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return text;
  if (Number.isNaN(d.getTime())) d = new Date(text.slice(0, 10) + 'T00:00:00Z');
  if (Number.isNaN(d.getTime())) return text;
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  return lang === 'zh-TW' ? `${y}年${m}月${day}日` : `${day} ${MONTHS[m - 1]} ${y}`;
}

const isHttp = (u) => /^https?:\/\//i.test(String(u).trim());
/** The app's rule for images (safe_urls::is_safe_image). */
const isSafeImage = (u) => isHttp(u) || /^data:image\/(png|svg\+xml|jpeg|gif|webp)[;,]/i.test(String(u).trim());
/** Plain http only for a page on this machine (tests, development), as in the app. */
const loopback = () => ['127.0.0.1', 'localhost', '[::1]'].includes(location.hostname);

const modules = new Map(); // module URL → Promise<module>: each verifier imported once per page
function loadVerifier(url) {
  if (!modules.has(url)) {
    const loading = import(url);
    loading.catch(() => modules.delete(url)); // a later element may try again
    modules.set(url, loading);
  }
  return modules.get(url);
}

/** Whether the lean build left this badge to the full verifier (check `full-verifier`). */
const needsFull = (report) => Array.isArray(report?.checks)
  && report.checks.some((c) => c.id === 'full-verifier' && c.outcome !== 'passed');

const reports = new Map(); // badge URL → Promise<{report, blocked}>: one verification per page
/**
 * Verifies `src` once per page. The page's fetch is wrapped to note each URL the browser would
 * not let this page read (it rejects with a TypeError: no CORS headers, or unreachable; the
 * browser does not say which), as the app does for its CORS notice.
 */
function verifyOnce(src) {
  if (!reports.has(src)) {
    const blocked = [];
    const fetchNoting = (url, init) => fetch(url, init).catch((e) => {
      if (!init?.signal?.aborted) blocked.push(String(url));
      throw e;
    });
    const options = { allowHttp: loopback(), fetch: fetchNoting };
    const done = loadVerifier(VERIFIER_URL)
      .then((m) => m.verify(src, options))
      .then(async (report) => {
        if (!needsFull(report)) return { report, blocked };
        // Rare suites and formats: the full build verifies it again; if it cannot be loaded,
        // the lean report stands and the element says why and links to the full report.
        try {
          const full = await loadVerifier(FULL_VERIFIER_URL);
          return { report: await full.verify(src, options), blocked, full: true };
        } catch (e) {
          console.warn('open-badge: the full verifier could not be loaded', e);
          return { report, blocked };
        }
      });
    done.catch(() => reports.delete(src)); // not loaded: a later element may try again
    reports.set(src, done);
  }
  return reports.get(src);
}

const ICONS = {
  // A check mark, a cross, a clock and a question mark (24×24, stroked).
  valid: 'M5 12.5l4.5 4.5L19 7.5',
  bad: 'M6.5 6.5l11 11M17.5 6.5l-11 11',
  time: 'M12 7v5.5l3.5 2M12 3.5a8.5 8.5 0 1 0 0 17a8.5 8.5 0 1 0 0-17',
  unknown: 'M9.2 9a2.9 2.9 0 1 1 4.3 2.5c-.9.5-1.5 1.2-1.5 2.2v.6M12 17.6v.2',
};
const TONE = {
  valid: 'valid', invalid: 'bad', revoked: 'bad', suspended: 'warn', expired: 'warn',
  'not-yet-valid': 'warn', unverifiable: 'unknown', error: 'unknown', pending: 'pending',
};
const ICON_OF = { valid: 'valid', bad: 'bad', warn: 'time', unknown: 'unknown', pending: 'unknown' };

const STYLE = `
:host { all: initial; display: inline-block; box-sizing: border-box; width: 320px; max-width: 100%;
  vertical-align: top; contain: content; color-scheme: light dark;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans TC", sans-serif;
  --bg: #fff; --fg: #1b1f24; --muted: #5a6270; --line: #d8dde4; --well: #eef0f3; --tone: #5a6270; --tone-bg: #eef0f3; }
:host([hidden]) { display: none; }
@media (prefers-color-scheme: dark) {
  :host { --bg: #1c2129; --fg: #e8ecf1; --muted: #a3adba; --line: #39414d; --well: #2a313b; --tone-bg: #2a313b; --tone: #a3adba; }
}
* { box-sizing: border-box; }
article { background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 12px;
  overflow: hidden; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
.top { display: flex; gap: 12px; padding: 12px 12px 10px; align-items: flex-start; }
.image { flex: none; width: 64px; height: 64px; border-radius: 8px; object-fit: contain; }
.image.none { display: grid; place-items: center; color: var(--muted); background: var(--well); }
.text { min-width: 0; flex: 1; }
.name { margin: 0 0 2px; font-size: 16px; font-weight: 650; line-height: 1.3; overflow-wrap: anywhere;
  display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.name.url { font-size: 13px; font-weight: 500; word-break: break-all; }
.meta { margin: 0; color: var(--muted); font-size: 13px; overflow-wrap: anywhere; }
.meta dt { display: inline; }
.meta dt::after { content: ": "; }
:host(:lang(zh-TW)) .meta dt::after, article:lang(zh-TW) .meta dt::after { content: "："; }
.meta dd { display: inline; margin: 0; color: var(--fg); }
.meta div { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.verdict { display: flex; gap: 8px; align-items: flex-start; padding: 8px 12px; border-top: 1px solid var(--line);
  background: var(--tone-bg); }
.verdict svg { flex: none; width: 20px; height: 20px; margin-top: 1px; border-radius: 50%; padding: 2px;
  background: var(--tone); color: var(--bg); }
.word { font-weight: 700; color: var(--tone); }
.why { display: block; color: var(--fg); font-size: 12.5px; }
.foot { display: flex; justify-content: space-between; align-items: center; gap: 8px; padding: 6px 12px 8px;
  font-size: 12px; color: var(--muted); border-top: 1px solid var(--line); }
.foot a { color: inherit; text-decoration: underline; text-underline-offset: 2px; }
.foot a:hover, .foot a:focus-visible { color: var(--fg); }
a:focus-visible { outline: 2px solid #1f6feb; outline-offset: 2px; border-radius: 2px; }
.t-valid { --tone: #1a7f37; --tone-bg: #e9f6ec; }
.t-bad { --tone: #c62828; --tone-bg: #fdecec; }
.t-warn { --tone: #9a6700; --tone-bg: #fff5d6; }
@media (prefers-color-scheme: dark) {
  .t-valid { --tone: #4ac26b; --tone-bg: #16301f; }
  .t-bad { --tone: #ff7b72; --tone-bg: #3b1d1d; }
  .t-warn { --tone: #e3b341; --tone-bg: #362b10; }
}
.t-pending svg { animation: pulse 1.2s ease-in-out infinite; }
@keyframes pulse { 50% { opacity: .35; } }
@media (prefers-reduced-motion: reduce) { .t-pending svg { animation: none; } }
`;

const SVG_NS = 'http://www.w3.org/2000/svg';
function icon(kind) {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', ICONS[kind]);
  for (const [k, v] of [['fill', 'none'], ['stroke', 'currentColor'], ['stroke-width', '2.6'],
    ['stroke-linecap', 'round'], ['stroke-linejoin', 'round']]) path.setAttribute(k, v);
  svg.append(path);
  return svg;
}

/** An element with a class and text content (never markup). */
function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text != null) e.textContent = String(text);
  return e;
}

/** Which sentence explains an "unverifiable" report here, when it is one the element words. */
function whyUnverifiable(report, blocked) {
  // The browser would not let this page read a document the verdict needed; the app (with
  // `badge-verify serve`'s relay, or a pasted copy) may.
  if (blocked.length > 0) return 'cors';
  // Left to the full verifier, which could not be loaded here.
  if (needsFull(report)) return 'full';
  return null;
}

class OpenBadge extends HTMLElement {
  static get observedAttributes() { return ['src', 'lang', 'report-base']; }

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this.run = 0;
  }

  connectedCallback() { this.schedule(); }

  attributeChangedCallback() { if (this.isConnected) this.schedule(); }

  /** One update for the attributes and the connection that arrive together (an upgrade). */
  schedule() {
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      if (this.isConnected) this.update();
    });
  }

  language() {
    return langOf(this.closest('[lang]')?.getAttribute('lang') || navigator.language);
  }

  /** The app's `?url=` link for `src`, or null when there is no http(s) app or badge URL. */
  reportLink(src) {
    let base;
    try {
      base = new URL(this.getAttribute('report-base') || '../', SCRIPT_URL);
    } catch { return null; }
    if (!isHttp(base.href) || !isHttp(src)) return null;
    base.search = '';
    base.hash = '';
    return `${base.href}?url=${encodeURIComponent(src)}`;
  }

  async update() {
    const run = ++this.run;
    delete this.dataset.verifier;
    const src = (this.getAttribute('src') || '').trim();
    if (!isHttp(src)) {
      this.render({ src, verdict: 'error', why: 'noSrc' });
      return;
    }
    this.render({ src, verdict: 'pending' });
    let report, blocked, full;
    try {
      ({ report, blocked, full } = await verifyOnce(src));
    } catch (e) {
      console.warn('open-badge: the verifier could not be loaded', e);
      if (run === this.run) this.render({ src, verdict: 'unverifiable', why: 'load' });
      return;
    }
    if (run !== this.run) return; // src changed meanwhile
    const verdict = Object.hasOwn(TONE, report?.verdict) && report.verdict !== 'pending' ? report.verdict : 'error';
    const why = verdict === 'unverifiable' ? whyUnverifiable(report, blocked) : null;
    this.render({ src, verdict, badge: report?.badge, why });
    if (full) this.dataset.verifier = 'full';
  }

  render({ src, verdict, badge, why }) {
    const lang = this.language();
    const w = WORDS[lang];
    const tone = TONE[verdict];
    const root = this.shadowRoot;
    const name = badge ? (badge.name || w.unnamed) : (src || w.badge);

    const card = el('article', `t-${tone}`);
    card.lang = lang;
    card.setAttribute('aria-label', `${w.badge}: ${name}`);
    card.dataset.verdict = verdict;

    const top = el('div', 'top');
    const image = badge?.image && isSafeImage(badge.image) ? badge.image.trim() : null;
    if (image) {
      const img = el('img', 'image');
      img.alt = name;
      img.width = 64;
      img.height = 64;
      img.decoding = 'async';
      img.referrerPolicy = 'no-referrer';
      img.addEventListener('error', () => img.replaceWith(placeholder()), { once: true });
      img.src = image;
      top.append(img);
    } else {
      top.append(placeholder());
    }
    const text = el('div', 'text');
    text.append(el('p', badge ? 'name' : 'name url', name));
    if (badge) {
      const meta = el('dl', 'meta');
      const row = (cls, label, value) => {
        const div = el('div', cls);
        div.append(el('dt', null, label), el('dd', null, value));
        div.title = `${label}: ${value}`;
        meta.append(div);
      };
      row('issuer', w.issuedBy, badge.issuer?.name || badge.issuer?.id || w.unknownIssuer);
      const r = badge.recipient;
      const earner = r && !r.hashed ? (r.name || r.identity) : null;
      if (earner) row('earner', w.earner, earner);
      if (badge.issued) row('issued', w.issued, formatDate(badge.issued, lang));
      if (badge.expires) row('expires', w.expires, formatDate(badge.expires, lang));
      text.append(meta);
    }
    top.append(text);

    const status = el('div', 'verdict');
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    status.append(icon(ICON_OF[tone]));
    const words = el('div');
    if (verdict === 'pending') {
      words.append(el('span', 'word', w.checking));
    } else {
      words.append(el('span', 'word', w[verdict]), el('span', 'why', why ? w[why] : w.explain[verdict]));
    }
    status.append(words);

    const foot = el('div', 'foot');
    foot.append(el('span', null, w.badge));
    const link = this.reportLink(src);
    if (link) {
      const a = el('a', 'report', `${w.report} ↗`);
      a.href = link;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      foot.append(a);
    }

    card.append(top, status, foot);
    if (!root.firstChild) {
      const style = document.createElement('style');
      style.textContent = STYLE;
      root.append(style);
    }
    root.querySelector('article')?.remove();
    root.append(card);
    this.dataset.verdict = verdict;
  }
}

function placeholder() {
  const box = el('div', 'image none');
  box.setAttribute('aria-hidden', 'true');
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '32');
  svg.setAttribute('height', '32');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', 'M12 2.5l2.6 1.9 3.2-.1 1 3 2.6 1.9-1 3 1 3-2.6 1.9-1 3-3.2-.1L12 21.5l-2.6-1.9-3.2.1-1-3-2.6-1.9 1-3-1-3 2.6-1.9 1-3 3.2.1z');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('opacity', '.45');
  svg.append(path);
  box.append(svg);
  return box;
}

if (!customElements.get('open-badge')) customElements.define('open-badge', OpenBadge);
