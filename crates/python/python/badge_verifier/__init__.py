"""Open Badges and Verifiable Credentials verification: the badge-verify core for Python.

``verify(data)`` returns the report the CLI prints with ``badge-verify --json``, as a dict.
All calls in a process share one HTTP cache, so issuer profiles and status lists are fetched
once per process (per Dask or Ray worker process, for example). See ``__init__.pyi``.
"""

from ._native import (  # noqa: F401
    DEBUG_BUILD,
    __version__,
    cache_entries,
    clear_cache,
    verify,
    verify_many,
)

__all__ = ["verify", "verify_many", "clear_cache", "cache_entries", "DEBUG_BUILD", "__version__"]
