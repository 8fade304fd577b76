"""Web URLs from untrusted input: validated, percent-encoded, canonicalized, and their domains."""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

import tldextract

from kg.text import strip_invisible

_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_PATH_SAFE = "!$&'()*+,;=:@/%"
_QUERY_SAFE = _PATH_SAFE + "?"
_HOST = re.compile(r"^[a-z0-9.-]+$")
_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ocid|cmpid|smid|smtyp|_ga|igshid|"
    r"mkt_tok|s_cid|ref|ref_src|cid|__twitter_impression|amp|outputtype)$",
    re.IGNORECASE,
)
_AMP_CACHE = re.compile(r"^/[cvi]/(s/)?(?P<rest>.+)$")


def _encode(component: str, safe: str) -> str:
    return quote(_BAD_ESCAPE.sub("%25", component), safe=safe)


def web_url(raw: object) -> str | None:
    """A valid absolute http(s) URL for ``raw``, or None when it is not one.

    Unsafe characters are percent-encoded, broken escapes repaired, international
    host names converted to ASCII. Other schemes (``javascript:``, ``data:``) give None.

    >>> web_url(" https://Example.com/a b?q=<x># y ")
    'https://example.com/a%20b?q=%3Cx%3E#%20y'
    >>> web_url("javascript:alert(1)") is None
    True
    """
    if not isinstance(raw, str):
        return None
    text = strip_invisible(raw).strip()
    if any(c in text for c in "\r\n\t"):
        return None
    try:
        parts = urlsplit(text)
        port = parts.port
        host = (parts.hostname or "").rstrip(".")
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    try:
        host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return None
    if not _HOST.match(host) or ".." in host or host.startswith(("-", ".")):
        return None
    netloc = host if port is None else f"{host}:{port}"
    return urlunsplit(
        (
            parts.scheme.lower(),
            netloc,
            _encode(parts.path, _PATH_SAFE) or "/",
            _encode(parts.query, _QUERY_SAFE),
            _encode(parts.fragment, _QUERY_SAFE),
        )
    )


def canonical_url(raw: object) -> str | None:
    """The identity of a web page: AMP and CDN variants, tracking and fragments removed.

    >>> canonical_url("https://nypost-com.cdn.ampproject.org/c/s/nypost.com/2020/08/x/amp/")
    'https://nypost.com/2020/08/x'
    >>> canonical_url("http://www.newsweek.com/story-1?amp=1&utm_source=t#top")
    'https://newsweek.com/story-1'
    """
    url = web_url(raw)
    if url is None:
        return None
    parts = urlsplit(url)
    host, path = parts.hostname or "", parts.path
    if host.endswith(".cdn.ampproject.org") and (match := _AMP_CACHE.match(path)):
        unwrapped = canonical_url("https://" + match["rest"])
        if unwrapped:
            return unwrapped
    host = host.removeprefix("www.").removeprefix("amp.")
    path = re.sub(r"/amp/?$", "", path).rstrip("/") or "/"
    query = urlencode(
        sorted(
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not _TRACKING.match(k)
        ),
        safe=_QUERY_SAFE,
    )
    netloc = host if parts.port in (None, 80, 443) else f"{host}:{parts.port}"
    return urlunsplit(("https", netloc, path, query, ""))


@cache
def _extractor() -> tldextract.TLDExtract:
    # The bundled public suffix list only: no network fetch, no cache directory.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def registered_domain(raw: str) -> str | None:
    """The registered domain of a URL or host name, by the public suffix list.

    >>> registered_domain("https://abcnews.go.com/Business/x")
    'go.com'
    >>> registered_domain("www.bbc.co.uk")
    'bbc.co.uk'
    """
    text = strip_invisible(raw).strip().lower()
    if "//" not in text:
        text = "https://" + text
    url = web_url(text)
    if url is None:
        return None
    host = urlsplit(url).hostname or ""
    domain = _extractor()(host).top_domain_under_public_suffix
    return domain or None
