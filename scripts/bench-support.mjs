// Shared by the browser benchmarks (bench-browser.mjs, bench-wasm.mjs): command-line options,
// medians, headless Chromium with this machine's flags, and a watchdog that bounds a run.
import os from 'node:os';
import { chromium } from 'playwright-core';

const argv = process.argv.slice(2);

/** The value after `--name` on the command line, else `dflt`. */
export const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
};

/** Whether the bare flag `--name` is on the command line. */
export const flag = (name) => argv.includes(name);

export const loadavg = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

/** Rounded to `digits` decimals; null stays null. */
export const round = (x, digits = 2) => (x == null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/** Median of the non-null values (null when there are none), rounded to `digits`. */
export const median = (xs, digits = 2) => {
  const v = xs.filter((x) => x != null).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return round(v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2, digits);
};

/** Headless Chromium (/usr/bin/chromium or $CHROMIUM), without background networking. */
export const launchChromium = (timeout) => chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
  timeout,
});

/**
 * Runs `stop` and exits with status 2 when the whole run overruns `seconds`. Returns the timer
 * (clear it when done).
 */
export const watchdog = (name, seconds, stop) => setTimeout(async () => {
  console.error(`${name}: over ${seconds} s, stopping`);
  await stop();
  process.exit(2);
}, seconds * 1000);
