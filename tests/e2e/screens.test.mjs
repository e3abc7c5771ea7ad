// Issue #18: every state of the page, as people see it, on a desktop (1280 px) and a phone
// (375 px), in English and zh-TW, light and dark — written to target/screenshots/states/ for a
// person to look at. The test also reads each zh-TW page as a reader would: no English
// sentence may be left in the verdicts, reasons, plain lines and check details (badge text,
// URLs and identifiers, shown as code, are allowed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { servedApp, dropFiles, fixture, verdicts, finish, shots } from './support.mjs';

const app = servedApp();
const out = path.join(shots, 'states');

// The acronyms and names a Chinese sentence may write in Latin letters (as
// crates/view/src/detail/mod.rs LATIN_ALLOWED).
const LATIN = new Set(['API', 'CLR', 'CORS', 'DID', 'DNS', 'ECDSA', 'EdDSA', 'Ed25519', 'HTML', 'HTTP', 'HTTPS',
  'ID', 'IP', 'JSON', 'JSON-LD', 'JWK', 'JWS', 'JWT', 'MIME', 'OB', 'Open', 'Badges', 'PDF', 'PEM', 'PNG', 'QR',
  'RSA', 'SHA-256', 'SVG', 'URL', 'UTF-8', 'VC', 'VP', 'XML', 'W3C', 'P-256', 'P-384', 'secp256k1', '1EdTech',
  'Credly', 'N-Quads', 'RDF', 'CLI', 'JPEG', 'LinkedIn', 'Verifiable', 'Credential']);

/** Latin words in the page's own sentences (not in code, links, badge text or inputs). */
async function englishSentences(page) {
  const texts = await page.$$eval(
    'article.card .summary, article.card section.plain, article.card .check-detail, article.card .not-verified, .batch-bar',
    (els) => els.map((el) => {
      const c = el.cloneNode(true);
      c.querySelectorAll('code, .mono, a, .badge-text, .input-name, bdi').forEach((x) => x.remove());
      return c.textContent;
    }),
  );
  const found = [];
  for (const t of texts) {
    const words = (t.match(/[A-Za-z0-9][A-Za-z0-9-]*/g) ?? []).filter((w) => /[A-Za-z]/.test(w) && !LATIN.has(w));
    if (words.length) found.push(`${t.trim().slice(0, 160)} ${JSON.stringify(words)}`);
  }
  return found;
}

const FILES = ['teamwork-baked.png', 'ob3-tampered.json', 'pm-expired.jwt', 'vc-alumni.json', 'clr-transcript.json'];

for (const width of [1280, 375]) {
  for (const lang of ['en', 'zh-TW']) {
    for (const colorScheme of ['light', 'dark']) {
      const tag = `${width}-${lang}-${colorScheme}`;
      test(`states ${tag}`, { timeout: 90_000 }, async () => {
        fs.mkdirSync(out, { recursive: true });
        const locale = lang === 'en' ? 'en-US' : 'zh-TW';
        const a = await app.openApp({ width, locale, colorScheme });
        const { page } = a;
        await page.screenshot({ path: path.join(out, `empty-${tag}.png`), fullPage: true });
        await dropFiles(page, FILES.map(fixture));
        await verdicts(page, FILES.length);
        if (lang === 'zh-TW') {
          // The zh-TW details arrive with their table; wait for the first one to be Chinese.
          await page.waitForFunction(() => /[\u4e00-\u9fff]/.test(document.querySelector('article.card .check-detail')?.textContent ?? ''), null, { timeout: 10_000 });
          assert.deepEqual(await englishSentences(page), [], 'English left in the zh-TW page');
        }
        await page.screenshot({ path: path.join(out, `batch-${tag}.png`), fullPage: true });
        // What a person sees first: the summary bar and the first cards.
        await page.locator('.batch-bar').scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(out, `batch-top-${tag}.png`) });
        const invalid = page.locator('article.card[data-verdict="invalid"]').first();
        await invalid.scrollIntoViewIfNeeded();
        await invalid.screenshot({ path: path.join(out, `invalid-${tag}.png`) });
        await finish(a);
        // A broken deep link: an error card, never an empty page.
        const b = await app.openApp({ width, locale, colorScheme, suffix: '#credential=eyJAY29udGV4dCI6' });
        await b.page.waitForSelector('.card.link-error', { timeout: 10_000 });
        await b.page.screenshot({ path: path.join(out, `broken-link-${tag}.png`), fullPage: true });
        await finish(b);
      });
    }
  }
}
