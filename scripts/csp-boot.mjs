// Trunk post_build hook: moves the inline module script Trunk injects to load the wasm into a
// file (boot-<hash>.js), so the page's Content-Security-Policy can forbid inline script.
// Runs in Trunk's staging directory (TRUNK_STAGING_DIR); fails the build if nothing matched.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this from a Trunk hook');
const file = path.join(dir, 'index.html');
const html = fs.readFileSync(file, 'utf8');
const re = /<script type="module"[^>]*>([\s\S]*?)<\/script>/g;
const found = [...html.matchAll(re)].filter((m) => m[1].includes('TrunkApplicationStarted'));
if (found.length !== 1) throw new Error(`expected one inline Trunk loader script, found ${found.length}`);
const code = found[0][1].trim() + '\n';
const hash = crypto.createHash('sha256').update(code).digest('hex').slice(0, 16);
const name = `boot-${hash}.js`;
fs.writeFileSync(path.join(dir, name), code);
const sri = 'sha384-' + crypto.createHash('sha384').update(code).digest('base64');
const tag = `<script type="module" src="/${name}" integrity="${sri}" crossorigin="anonymous"></script>`;
fs.writeFileSync(file, html.replace(found[0][0], tag));
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(fs.readFileSync(file, 'utf8'))) {
  // Only `trunk serve`'s live-reload script can be left; the CSP blocks it (serve.sh disables it).
  console.warn('csp-boot: an inline script is left in index.html (trunk serve autoreload?)');
}
console.log(`csp-boot: loader moved to ${name}`);
