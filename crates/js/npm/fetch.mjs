// One HTTP exchange with the caller's `fetch` for the verifier core's fetcher
// (crates/js/src/fetcher.rs), which decides everything else: the time limit (a timer that
// aborts the request and wins the race even against a `fetch` that ignores its signal), the
// size limit while reading, and reading a Response-like object (a real Response, or a test's
// `{ status, headers, arrayBuffer() }`). Its answer is a plain object whose `kind` says what
// happened. It never rejects. Given to the core by driver.mjs (not a wasm-bindgen snippet:
// the nodejs target would require() it, and Node 20 cannot require an ES module).
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function header(headers, name) {
  if (!headers) return null;
  if (typeof headers.get === 'function') return headers.get(name);
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() === name) return String(headers[key]);
  }
  return null;
}

async function readCapped(resp, maxBytes, state) {
  const body = resp.body;
  if (body && typeof body.getReader === 'function') {
    const reader = body.getReader();
    const chunks = [];
    let total = 0;
    for (;;) {
      if (state.over) { reader.cancel().catch(() => {}); return null; }
      const { done, value } = await reader.read();
      if (done) break;
      const chunk = value instanceof Uint8Array ? value : new Uint8Array(value);
      total += chunk.byteLength;
      if (total > maxBytes) { reader.cancel().catch(() => {}); return 'too-large'; }
      chunks.push(chunk);
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) { out.set(c, at); at += c.byteLength; }
    return out;
  }
  if (typeof resp.arrayBuffer === 'function') {
    const bytes = new Uint8Array(await resp.arrayBuffer());
    return bytes.byteLength > maxBytes ? 'too-large' : bytes;
  }
  if (typeof resp.text === 'function') {
    const bytes = new TextEncoder().encode(await resp.text());
    return bytes.byteLength > maxBytes ? 'too-large' : bytes;
  }
  throw new TypeError('the response has no body to read');
}

function cancelBody(resp) {
  try { if (resp.body && typeof resp.body.cancel === 'function') resp.body.cancel().catch(() => {}); } catch (_) {}
}

async function exchange(fetchFn, url, accept, maxBytes, signal, state) {
  const init = { method: 'GET', headers: { Accept: accept }, redirect: 'manual', signal };
  let resp = await fetchFn(url, init);
  let followed = false;
  // A browser hides a redirect's Location from `redirect: 'manual'`: let it follow.
  if (resp && resp.type === 'opaqueredirect') {
    resp = await fetchFn(url, { ...init, redirect: 'follow' });
    followed = true;
  }
  if (!resp || typeof resp !== 'object') throw new TypeError('fetch did not give a response');
  const status = Number(resp.status);
  if (!Number.isInteger(status) || status < 100 || status > 999) {
    cancelBody(resp);
    return { kind: 'malformed' };
  }
  // Where the answer came from, if the fetch followed redirects itself (`url` drops the
  // fragment, which is no redirect).
  const bare = (u) => u.split('#')[0];
  const finalUrl = typeof resp.url === 'string' && resp.url !== '' && bare(resp.url) !== bare(url) ? resp.url : url;
  const location = header(resp.headers, 'location');
  if (REDIRECTS.has(status) && location !== null && !followed) {
    cancelBody(resp);
    let next = null;
    try { next = new URL(location, finalUrl).href; } catch (_) {}
    return { kind: 'redirect', status, location, next };
  }
  const declared = Number(header(resp.headers, 'content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    cancelBody(resp);
    return { kind: 'too-large' };
  }
  const body = await readCapped(resp, maxBytes, state);
  if (body === 'too-large') return { kind: 'too-large' };
  if (body === null) return { kind: 'timeout' };
  return { kind: 'response', status, url: finalUrl, contentType: header(resp.headers, 'content-type'), body };
}

export function fetchWithin(fetchFn, url, accept, timeoutMs, maxBytes) {
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
  const state = { over: false };
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => {
      state.over = true;
      try { if (controller) controller.abort(); } catch (_) {}
      resolve({ kind: 'timeout' });
    }, timeoutMs);
  });
  const work = exchange(fetchFn, url, accept, maxBytes, controller && controller.signal, state)
    .catch(() => (state.over ? { kind: 'timeout' } : { kind: 'network' }));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
