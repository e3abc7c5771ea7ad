// Draws the app's PNG icons (public/icons/*.png, for the web app manifest) from their SVGs with
// the Chromium the end-to-end tests use. Run after changing public/icons/*.svg:
//   node scripts/make-icons.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const icons = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const [svg, png, size] of [['icon.svg', 'icon-192.png', 192], ['icon.svg', 'icon-512.png', 512], ['maskable.svg', 'maskable-512.png', 512]]) {
  const data = fs.readFileSync(path.join(icons, svg)).toString('base64');
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent"><img src="data:image/svg+xml;base64,${data}" width="${size}" height="${size}" style="display:block"></body></html>`);
  await page.locator('img').screenshot({ path: path.join(icons, png), omitBackground: true });
  console.log(`${png}: ${size}×${size}`);
}
await browser.close();
