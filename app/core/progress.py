"""Long work as generators: they yield `Progress` and `return` their result.

The CLI drains them with `run_to_end`; the GUI runs them on a worker thread (app/ui/worker.py) and cancels by
closing the generator, which raises GeneratorExit at the current `yield` so that the open transaction rolls back.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Progress:
    done: int
    total: int | None  # None while the total is unknown (e.g. streaming a file)
    message: str = ""

    @property
    def fraction(self) -> float | None:
        if not self.total:
            return None
        return min(1.0, self.done / self.total)


Job = Generator[Progress, None, T]


def run_to_end(job: Job[T], on_progress: Callable[[Progress], None] | None = None) -> T:
    """Drive a job to completion on this thread and return its result."""
    while True:
        try:
            step = next(job)
        except StopIteration as stop:
            return stop.value
        if on_progress is not None:
            on_progress(step)
