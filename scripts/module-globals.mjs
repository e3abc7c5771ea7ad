// Trunk post_build hook: the app's two on-demand modules (crates/suites, crates/documents) are
// wasm-bindgen "no-modules" scripts, each declaring its init function as a top-level
// `let wasm_bindgen`; two such scripts on one page collide. This renames the document reader's
// to `wasm_bindgen_documents` (crates/app/js/suites.js calls it by that name). Fails the build if
// the declaration is not found exactly once.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this from a Trunk hook');
const file = path.join(dir, 'badge-verifier-documents.js');
const js = fs.readFileSync(file, 'utf8');
const decl = /(^|[\s;])let wasm_bindgen\s*=/g;
const found = [...js.matchAll(decl)];
if (found.length !== 1) throw new Error(`expected one "let wasm_bindgen =" in ${file}, found ${found.length}`);
fs.writeFileSync(file, js.replace(decl, '$1let wasm_bindgen_documents ='));
console.log('module-globals: badge-verifier-documents.js declares wasm_bindgen_documents');
