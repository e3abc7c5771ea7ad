"""Bulk verification on Dask (issue #19): a batch of signed OB 3.0 credentials verified on a
local Dask cluster of worker processes, with 1, 2 and 4 workers.

    python crates/python/examples/bulk.py [--n 100000] [--workers 1,2,4] [--batch 500]

1. Starts an HTTP server on 127.0.0.1 (a free port; it stops by itself after --timeout-s)
   that will serve the issuer profiles and status lists, and counts the requests per path.
2. Has the Rust example make_batch (crates/python/examples/make_batch.rs, built with cargo)
   write --n credentials signed with eddsa-rdfc-2022 by 8 issuers, each issuer's credentials
   sharing one signed BitstringStatusList served by that server; one in 20 is revoked.
3. For each worker count: starts a Dask LocalCluster of worker *processes* (one thread each),
   maps batches of file paths to `verify_batch`, which calls `badge_verifier.verify_many` in
   the worker, and checks every verdict: the revoked credentials `revoked`, all others `valid`.
   Each worker process has its own cache, so each status list and profile must be fetched
   exactly once per worker process that verified something: the server's counts show it.

Prints one JSON summary on stdout; exits 1 when a verdict or a fetch count is not the expected
one. The same `verify_batch` runs on a real cluster: see README.md, "Bulk verification".
"""

import argparse
import collections
import http.server
import json
import os
import pathlib
import subprocess
import sys
import threading
import time

AT = "2026-01-01T00:00:00Z"
REPO = pathlib.Path(__file__).resolve().parents[3]


def verify_batch(paths, revoked, at, allow_http):
    """A Dask task: verifies `paths` (credential files) in this worker process and compares
    each verdict with the expected one (`revoked` for the numbers in `revoked`, else `valid`).
    Returns the verdict counts, the mismatches, this worker's process id and the CPU time the
    worker process spent (all its threads: the verifier's and Dask's own)."""
    import time

    import badge_verifier

    cpu = time.process_time()

    # Paths as pathlib.Path: a str would be taken as a URL or as the document's own text.
    files = [pathlib.Path(p) for p in paths]
    reports = badge_verifier.verify_many(files, at=at, allow_http=allow_http, threads=1)
    counts = collections.Counter()
    mismatches = []
    for path, report in zip(paths, reports):
        number = int(pathlib.Path(path).stem.split("-")[1])
        expected = "revoked" if number in revoked else "valid"
        counts[report["verdict"]] += 1
        if report["verdict"] != expected:
            mismatches.append({"input": path, "expected": expected, "verdict": report["verdict"],
                               "summary": report.get("summary")})
    return {"counts": dict(counts), "mismatches": mismatches[:5], "pid": os.getpid(),
            "cpu_s": time.process_time() - cpu}


class DocumentServer:
    """Serves {path: (content type, body)} on 127.0.0.1, counting requests per path; stops at
    `stop()` or by itself after `lifetime_s`."""

    def __init__(self, lifetime_s, port=0):
        self.documents = {}
        self.counts = collections.Counter()
        self.lock = threading.Lock()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                with server.lock:
                    server.counts[self.path] += 1
                    doc = server.documents.get(self.path)
                if doc is None:
                    self.send_error(404)
                    return
                content_type, body = doc
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.timer = threading.Timer(lifetime_s, self.stop)
        self.timer.daemon = True
        self.timer.start()

    def serve_dir(self, batch_dir):
        types = json.loads((batch_dir / "serve.json").read_text())
        for path, content_type in types.items():
            body = (batch_dir / "serve" / path.lstrip("/")).read_bytes()
            self.documents[path] = (content_type, body)

    def take_counts(self):
        with self.lock:
            counts, self.counts = dict(self.counts), collections.Counter()
        return counts

    def stop(self):
        self.timer.cancel()
        self.httpd.shutdown()
        self.httpd.server_close()


def make_batch(out, n, base, cargo_profile):
    """Builds (if needed) and runs the Rust generator."""
    cmd = ["cargo", "run", "--quiet", "-p", "badge-verifier-py", "--example", "make_batch",
           "--profile", cargo_profile, "--", "--out", str(out), "--base", base, "--n", str(n)]
    subprocess.run(cmd, cwd=REPO, check=True)
    return json.loads((out / "manifest.json").read_text())


def run_on_cluster(workers, batches, revoked, server, allow_http=True):
    """Verifies `batches` on a fresh LocalCluster of `workers` processes; returns the timings,
    counts, mismatches and fetches of this run."""
    from dask.distributed import Client, LocalCluster

    load_before = loadavg()
    t0 = time.perf_counter()
    with LocalCluster(n_workers=workers, processes=True, threads_per_worker=1,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        client.wait_for_workers(workers)
        started_s = time.perf_counter() - t0
        server.take_counts()
        # Each task gets only the revoked numbers among its own paths.
        futures = []
        t1 = time.perf_counter()
        for paths in batches:
            numbers = {int(pathlib.Path(p).stem.split("-")[1]) for p in paths}
            futures.append(client.submit(verify_batch, paths, sorted(numbers & revoked), AT,
                                         allow_http, pure=False))
        results = client.gather(futures)
        verify_s = time.perf_counter() - t1
    counts = collections.Counter()
    mismatches = []
    for r in results:
        counts.update(r["counts"])
        mismatches.extend(r["mismatches"])
    pids = {r["pid"] for r in results}
    cpu_s = sum(r["cpu_s"] for r in results)
    fetches = server.take_counts()
    n = sum(len(b) for b in batches)
    return {
        "workers": workers,
        "loadavg_before": load_before,
        "cluster_start_s": round(started_s, 2),
        "verify_s": round(verify_s, 2),
        "credentials_per_s": round(n / verify_s),
        # CPU time of the worker processes inside the tasks: what the machine's other load
        # does not change much (the wall time above depends on it).
        "worker_cpu_s": round(cpu_s, 2),
        "credentials_per_worker_cpu_s": round(n / cpu_s),
        "loadavg_after": loadavg(),
        "verdicts": dict(counts),
        "mismatches": mismatches[:10],
        "worker_processes_used": len(pids),
        "fetches_per_url": fetches,
    }


def loadavg():
    try:
        return " ".join(pathlib.Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, default=100_000)
    p.add_argument("--workers", default="1,2,4", help="comma-separated worker counts")
    p.add_argument("--batch", type=int, default=500, help="credentials per Dask task")
    p.add_argument("--dir", type=pathlib.Path, default=REPO / "target" / "bulk-batch")
    p.add_argument("--cargo-profile", default="release-native",
                   help="the profile make_batch is built with (dev in the tests)")
    p.add_argument("--timeout-s", type=float, default=1800,
                   help="the document server stops by itself after this")
    args = p.parse_args()
    args.dir = args.dir.resolve()

    import badge_verifier

    load_before = loadavg()
    server = DocumentServer(args.timeout_s)
    ok = True
    try:
        t = time.perf_counter()
        manifest = make_batch(args.dir, args.n, server.base, args.cargo_profile)
        generated_s = time.perf_counter() - t
        server.serve_dir(args.dir)
        revoked = set(manifest["revoked"])
        paths = sorted(str(f) for f in (args.dir / "credentials").glob("*/cred-*.json"))
        assert len(paths) == args.n, f"{len(paths)} files for --n {args.n}"
        batches = [paths[i:i + args.batch] for i in range(0, len(paths), args.batch)]
        runs = []
        for workers in [int(w) for w in args.workers.split(",")]:
            r = run_on_cluster(workers, batches, revoked, server)
            # Every worker process that verified something fetched each document once: its
            # own cache served all its other credentials.
            once_per_worker = set(server.documents) == set(r["fetches_per_url"]) and all(
                c == r["worker_processes_used"] for c in r["fetches_per_url"].values())
            r["each_url_fetched_once_per_worker_process"] = once_per_worker
            r["verdicts_as_expected"] = r["verdicts"] == manifest["expected"] and not r["mismatches"]
            ok &= once_per_worker and r["verdicts_as_expected"]
            print(f"{workers} worker(s): {args.n} credentials in {r['verify_s']} s = "
                  f"{r['credentials_per_s']} credentials/s ({r['credentials_per_worker_cpu_s']} "
                  f"per worker CPU second); verdicts {r['verdicts']}; "
                  f"fetches {sorted(set(r['fetches_per_url'].values()))} per URL over "
                  f"{r['worker_processes_used']} process(es)", file=sys.stderr)
            runs.append(r)
    finally:
        server.stop()
    print(json.dumps({
        "n": args.n,
        "batch": args.batch,
        "cores": os.cpu_count(),
        "badge_verifier_debug_build": badge_verifier.DEBUG_BUILD,
        "generated_s": round(generated_s, 1),
        "expected": manifest["expected"],
        "documents_served": len(server.documents),
        "loadavg_before": load_before,
        "loadavg_after": loadavg(),
        "runs": runs,
    }, indent=2))
    if not ok:
        print("FAILED: a verdict or a fetch count was not the expected one", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
