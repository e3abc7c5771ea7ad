// Trunk post_build hook: joins the zh-TW tables of check details (crates/view/src/detail/zh-TW)
// into one file, zh-TW-<hash>.txt, that the app fetches only when the reader chooses zh-TW
// (issue #18: English readers never download it, so the first load stays in its budget). The
// name carries the content hash so caches never serve a stale table; index.html gets a
// <meta name="zh-tw-details"> naming it. Runs in Trunk's staging directory.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this from a Trunk hook');
const src = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'crates/view/src/detail/zh-TW');
const files = fs.readdirSync(src).filter((f) => f.endsWith('.txt')).sort();
if (files.length === 0) throw new Error(`no tables in ${src}`);
// Only the pairs: comments and blank lines stay in the sources.
const text = files
  .map((f) => fs.readFileSync(path.join(src, f), 'utf8'))
  .join('\n')
  .split('\n')
  .filter((l) => l.startsWith('en: ') || l.startsWith('zh: '))
  .join('\n') + '\n';
const hash = crypto.createHash('sha256').update(text).digest('hex').slice(0, 16);
const name = `zh-TW-${hash}.txt`;
fs.writeFileSync(path.join(dir, name), text);
const index = path.join(dir, 'index.html');
const html = fs.readFileSync(index, 'utf8');
if (!html.includes('</head>')) throw new Error('index.html has no </head>');
fs.writeFileSync(index, html.replace('</head>', `<meta name="zh-tw-details" content="${name}">\n</head>`));
console.log(`zh-tables: ${files.length} tables, ${text.split('\n').length >> 1} templates → ${name}`);
