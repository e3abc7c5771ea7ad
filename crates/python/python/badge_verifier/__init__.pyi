"""Type stubs of badge_verifier (the Rust module badge_verifier._native)."""

import datetime
import os
from typing import Any, Dict, Iterable, List, Optional, Union

#: A badge or credential to verify:
#: - ``bytes`` / ``bytearray``: a file's content (a baked PNG or SVG, JSON, a JWT/JWS, a PDF …),
#:   detected by content like the CLI does;
#: - ``str``: an ``http://`` or ``https://`` URL is fetched (a badge, a platform's badge page,
#:   a web page that embeds or links badges); any other string is the document's own text
#:   (JSON, a compact JWT). A ``str`` is never taken as a file path;
#: - ``os.PathLike`` (e.g. ``pathlib.Path``): a file to read.
Data = Union[bytes, bytearray, str, "os.PathLike[str]"]

#: The report, exactly as ``badge-verify --json`` prints it (one JSON object per input):
#: ``input``, ``verdict`` ("valid", "unverifiable", "not_yet_valid", "expired", "suspended",
#: "revoked", "invalid" or "error"), ``summary``, ``format``, ``checks``, ``badge``, ``nested`` …
Report = Dict[str, Any]

#: True when this is a debug build of the extension (it has the test-only panic hook).
DEBUG_BUILD: bool
__version__: str

def verify(
    data: Data,
    *,
    at: Union[str, datetime.datetime, None] = None,
    recipient: Optional[str] = None,
    allow_http: bool = False,
    name: Optional[str] = None,
) -> Report:
    """Verifies one badge or credential and returns its report as a dict.

    Bad input (not a badge, a tampered proof, an unreachable issuer, a file that cannot be read)
    gives a report whose verdict says so, never an exception; even an internal error of the
    verifier becomes this input's ``error`` report. Exceptions are for wrong arguments only:
    ``TypeError`` for a ``data`` or ``at`` of another type, ``ValueError`` for an ``at`` that is
    not RFC 3339 or is a naive datetime.

    at: the time at which expiry and validity are evaluated: an RFC 3339 string or a
        timezone-aware datetime; None means now.
    recipient: an e-mail, URL, DID … to match against the badge's (possibly hashed) recipient.
    allow_http: testing only: allow plain http to, and any fetch from, 127.0.0.1 / localhost.
    name: the report's ``input`` for bytes or text (default ``"<bytes>"`` / ``"<text>"``).

    The interpreter's lock is released while verifying, so threads verify in parallel. All
    calls in a process share one cache of fetched documents (bounded at 32 MiB): an issuer's
    profile, keys and status lists are fetched once per process; see ``clear_cache``.
    """

def verify_many(
    inputs: Iterable[Data],
    *,
    at: Union[str, datetime.datetime, None] = None,
    recipient: Optional[str] = None,
    allow_http: bool = False,
    threads: Optional[int] = None,
) -> List[Report]:
    """Verifies every input, on ``threads`` threads (default: the cores, at most 4, like the
    CLI) sharing the process's cache; returns the reports in input order. Each input's failure
    is its own report, as in ``verify``. Inputs are taken as in ``verify`` (a ``str`` is a URL
    or a document's text)."""

def clear_cache() -> None:
    """Forgets every cached issuer profile, key and status list of this process, so the next
    verification fetches them again (a long-lived worker calls it to see new revocations)."""

def cache_entries() -> int:
    """How many fetched documents this process's cache holds."""
