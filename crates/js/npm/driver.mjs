// The package's API over one WebAssembly instance of the verifier core, the same in Node and in
// browsers (node/index.mjs and web/index.mjs only say how an instance is loaded).
//
// A verification is a Job that this file polls itself (Job.poll(), again each time a fetch it
// waits for settles), so everything the core does runs inside a call made here. A panic in the
// core traps the instance (WebAssembly.RuntimeError); caught here, it gives that input a report
// with verdict "error" (as the CLI reports a panic), and the instance is replaced: the next
// call, and every other verification that was running on it (started again from the start), run
// on a fresh instance. Only the input that trapped loses its report.

import { fetchWithin } from './fetch.mjs';

/**
 * Builds the API on `load(generation)`, which resolves to a fresh wasm-bindgen module;
 * `lookup(host, timeoutMs)` resolves host names where the platform can (Node, node.mjs).
 */
export function createApi(load, { lookup } = {}) {
  let current = null;
  let loading = null;
  let generations = 0;

  /** The live instance: `{ glue, poisoned, panic, running: Set<restart> }`. */
  async function instance() {
    if (current && !current.poisoned) return current;
    if (!loading) {
      loading = (async () => {
        const glue = await load(++generations);
        const inst = { glue, poisoned: false, panic: null, running: new Set() };
        // Called by the core's panic hook just before the instance traps.
        glue.setPanicSink((message) => {
          inst.panic = String(message);
        });
        current = inst;
        return inst;
      })().finally(() => {
        loading = null;
      });
    }
    return loading;
  }

  function poison(inst) {
    if (inst.poisoned) return;
    inst.poisoned = true;
    const others = [...inst.running];
    inst.running.clear();
    // Every other verification on the lost instance starts again on a fresh one.
    for (const restart of others) restart();
  }

  function isTrap(inst, error) {
    return inst.panic !== null || error instanceof WebAssembly.RuntimeError;
  }

  /** The "error" report for an input whose verification trapped, made by a fresh instance. */
  async function trapReport(input, inst, error) {
    const what = inst.panic ?? (error && error.message) ?? String(error);
    const fresh = await instance();
    return JSON.parse(fresh.glue.internalErrorReport(input, what));
  }

  /**
   * Runs one verification on the live instance with `owner`'s options (a Verifier) and
   * `overrides` ({ at?, recipient? } for this input). Resolves to the report object.
   */
  async function run(owner, input, overrides) {
    for (;;) {
      const inst = await instance();
      const outcome = await new Promise((resolve, reject) => {
        let job = null;
        let scheduled = false;
        let finished = false;
        const finish = (value) => {
          finished = true;
          inst.running.delete(restart);
          resolve(value);
        };
        const restart = () => {
          if (!finished) finish({ again: true });
        };
        const trapped = (error) => {
          finished = true;
          inst.running.delete(restart);
          poison(inst);
          trapReport(input, inst, error).then((report) => resolve({ report }), reject);
        };
        const step = () => {
          scheduled = false;
          if (finished || inst.poisoned) return;
          let line;
          try {
            line = job.poll();
          } catch (error) {
            trapped(error);
            return;
          }
          if (line !== undefined) {
            try { job.free(); } catch (_) { /* already gone */ }
            finish({ report: JSON.parse(line) });
          }
        };
        const notify = () => {
          if (!scheduled && !finished) {
            scheduled = true;
            queueMicrotask(step);
          }
        };
        try {
          job = owner.raw(inst).start(input, overrides, notify);
        } catch (error) {
          // A TypeError about the input or the options is the caller's: thrown as is.
          if (isTrap(inst, error)) trapped(error);
          else {
            finished = true;
            reject(error);
          }
          return;
        }
        inst.running.add(restart);
        step();
      });
      if (!outcome.again) return outcome.report;
    }
  }

  class Verifier {
    #options;
    #raw = null;
    #rawOf = null;

    /** Options as index.d.ts says; checked when the first input is verified. */
    constructor(options = {}) {
      this.#options = options;
    }

    /** The core's Verifier in `inst` (made again for a fresh instance: its cache is lost). */
    raw(inst) {
      if (this.#rawOf !== inst) {
        this.#raw = new inst.glue.Verifier(this.#options, fetchWithin, lookup);
        this.#rawOf = inst;
      }
      return this.#raw;
    }

    /** Verifies one input; `overrides` may give another `at` or `recipient` for it. */
    verify(input, overrides = undefined) {
      return run(this, input, overrides);
    }

    /** Forgets the documents fetched so far (issuer profiles, keys, status lists). */
    clearCache() {
      if (this.#raw && this.#rawOf === current && !current.poisoned) this.#raw.clearCache();
    }

    /** Frees the WebAssembly memory this verifier holds (its cache); it cannot be used after. */
    free() {
      if (this.#raw && this.#rawOf && !this.#rawOf.poisoned) {
        try { this.#raw.free(); } catch (_) { /* already gone */ }
      }
      this.#raw = null;
      this.#rawOf = null;
    }
  }

  /** Verifies one input with its own fetch cache. */
  async function verify(input, options = {}) {
    const verifier = new Verifier(options);
    try {
      return await verifier.verify(input);
    } finally {
      verifier.free();
    }
  }

  return { verify, Verifier, ready: () => instance().then(() => undefined) };
}
