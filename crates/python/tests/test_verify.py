"""badge_verifier.verify / verify_many against the CLI, bad input, the per-process cache."""

import datetime
import json
import os
import pathlib
import subprocess

import pytest

import badge_verifier
from bulk import DocumentServer
from conftest import REPO

AT = "2026-01-01T00:00:00Z"
E2E = REPO / "tests" / "fixtures" / "e2e"
# Offline fixtures of every kind the CLI's own tests use (JSON, JWT, baked PNG/SVG, a
# presentation, a CLR, tampered ones, not a badge): nothing in them makes the verifier fetch.
FIXTURES = [
    "ob3-did-key.json", "ob3-valid.json", "ob3-tampered.json", "ob3-valid-baked.png",
    "teamwork-valid.jwt", "teamwork-tampered.jwt", "teamwork-baked.png", "teamwork-baked.svg",
    "teamwork-di.json", "vp-two-badges.json", "clr-transcript.json", "clr-one-altered.json",
    "vc-alumni.json", "vc-alumni-tampered.json", "ob3-es384.jwt", "pm-expired.jwt",
    "not-a-badge.txt",
]


def cli_reports(cli, paths, *extra):
    out = subprocess.run([str(cli), "--json", "--at", AT, *extra, *map(str, paths)],
                         capture_output=True, check=False, timeout=300)
    assert out.returncode in (0, 1), out.stderr
    return [json.loads(line) for line in out.stdout.decode().splitlines()]


def test_same_reports_as_the_cli(cli):
    paths = [E2E / f for f in FIXTURES]
    expected = cli_reports(cli, paths)
    assert len(expected) == len(paths)
    verdicts = set()
    for path, want in zip(paths, expected):
        # The file's bytes, named like the CLI names its argument: the very same report.
        got = badge_verifier.verify(path.read_bytes(), at=AT, name=str(path))
        assert got == want, path.name
        # A path, and the text of a text file, give the same report too.
        assert badge_verifier.verify(path, at=AT) == want, path.name
        verdicts.add(got["verdict"])
    # The fixtures cover more than one outcome, so agreeing means something.
    assert {"valid", "invalid", "error"} <= verdicts, verdicts
    # A str that is not a URL is the document's own text.
    text = (E2E / "ob3-valid.json").read_text()
    assert badge_verifier.verify(text, at=AT, name=str(E2E / "ob3-valid.json")) == expected[1]
    assert expected[1]["verdict"] == "valid"


def test_verify_many_keeps_input_order_and_matches_verify(cli):
    paths = [E2E / f for f in FIXTURES] * 3
    many = badge_verifier.verify_many(paths, at=AT, threads=3)
    assert [r["input"] for r in many] == [str(p) for p in paths]
    assert many == [badge_verifier.verify(p, at=AT) for p in paths]
    assert badge_verifier.verify_many([], at=AT) == []


def test_at_takes_a_datetime_and_matters():
    path = E2E / "pm-expired.jwt"
    utc = datetime.timezone.utc
    before = badge_verifier.verify(path, at=datetime.datetime(2020, 6, 1, tzinfo=utc))
    after = badge_verifier.verify(path, at=datetime.datetime(2030, 1, 1, tzinfo=utc))
    assert after["verdict"] == "expired"
    assert before["verdict"] != "expired"
    assert badge_verifier.verify(path, at="2030-01-01T00:00:00Z") == after


def test_recipient_is_passed_on(cli):
    path = E2E / "ob3-valid.json"
    for who in ["nobody@example.org"]:
        want = cli_reports(cli, [path], "--recipient", who)[0]
        assert badge_verifier.verify(path, at=AT, recipient=who) == want


@pytest.mark.parametrize("data", [
    b"", b"\x00\x01\x02 not a badge", b"\x89PNG\r\n\x1a\n truncated", b"{", "{\"@context\": 1}",
    "eyJhbGciOiJub25lIn0.e30.", bytearray(b"[]"), "not a badge at all",
    pathlib.Path("/no/such/file.json"),
])
def test_bad_input_is_an_error_report_not_an_exception(data):
    report = badge_verifier.verify(data, at=AT)
    assert report["verdict"] in ("error", "invalid", "unverifiable"), report
    assert report["verdict"] != "valid"
    assert report["checks"], report


def test_unreachable_or_refused_urls_are_reports():
    # Plain http is refused without allow_http: no request is made, the report says why.
    report = badge_verifier.verify("http://127.0.0.1:9/badge.json", at=AT)
    assert report["verdict"] in ("error", "unverifiable"), report
    # A closed port on 127.0.0.1 with allow_http: a failed fetch, again a report.
    report = badge_verifier.verify("http://127.0.0.1:9/badge.json", at=AT, allow_http=True)
    assert report["verdict"] in ("error", "unverifiable"), report


def test_wrong_arguments_are_exceptions():
    with pytest.raises(TypeError):
        badge_verifier.verify(42, at=AT)
    with pytest.raises(ValueError):
        badge_verifier.verify(b"{}", at="yesterday")
    with pytest.raises(ValueError):
        badge_verifier.verify(b"{}", at=datetime.datetime(2026, 1, 1))  # naive
    with pytest.raises(TypeError):
        badge_verifier.verify_many("one string", at=AT)
    with pytest.raises(ValueError):
        badge_verifier.verify_many([b"{}"], at=AT, threads=0)


def test_a_panic_is_that_inputs_error_report(monkeypatch):
    if not badge_verifier.DEBUG_BUILD:
        pytest.skip("the test-only panic hook exists in debug builds only")
    monkeypatch.setenv("BADGE_VERIFY_TEST_PANIC", "panics-here")
    good = E2E / "ob3-valid.json"
    inputs = [good, b"x", good, good]
    reports = badge_verifier.verify_many(
        [good if i % 3 else pathlib.Path("panics-here") for i in range(12)], at=AT, threads=2)
    assert len(reports) == 12
    for i, r in enumerate(reports):
        if i % 3:
            assert r["verdict"] == "valid", r
        else:
            assert r["verdict"] == "error"
            assert [c["id"] for c in r["checks"]] == ["internal"], r
    single = badge_verifier.verify(b"{}", at=AT, name="panics-here")
    assert single["verdict"] == "error" and single["checks"][0]["id"] == "internal"
    assert [r["verdict"] for r in badge_verifier.verify_many(inputs, at=AT)] == [
        "valid", "error", "valid", "valid"]


def test_one_fetch_per_document_per_process(tmp_path, make_batch):
    """40 credentials by 8 issuers, each issuer's sharing one status list: verified one call at
    a time, every profile and status list is fetched once in this process, then no more."""
    server = DocumentServer(lifetime_s=300)
    try:
        manifest = make_batch(tmp_path, server.base, 40)
        server.serve_dir(tmp_path)
        files = sorted((tmp_path / "credentials").glob("*/cred-*.json"))
        assert len(files) == 40
        badge_verifier.clear_cache()
        server.take_counts()
        verdicts = [badge_verifier.verify(f, at=AT, allow_http=True)["verdict"] for f in files]
        assert verdicts.count("revoked") == manifest["expected"]["revoked"] == 2
        assert verdicts.count("valid") == manifest["expected"]["valid"] == 38
        counts = server.take_counts()
        assert set(counts) == set(server.documents), counts  # 8 lists + 4 profiles
        assert len(counts) == 12 and set(counts.values()) == {1}, counts
        assert badge_verifier.cache_entries() >= 12
        # Again, on threads: all from the cache.
        again = badge_verifier.verify_many(files, at=AT, allow_http=True, threads=4)
        assert [r["verdict"] for r in again] == verdicts
        assert server.take_counts() == {}
        # clear_cache() forgets them: fetched once more.
        badge_verifier.clear_cache()
        assert badge_verifier.cache_entries() == 0
        badge_verifier.verify_many(files, at=AT, allow_http=True, threads=4)
        counts = server.take_counts()
        assert len(counts) == 12 and set(counts.values()) == {1}, counts
    finally:
        server.stop()
