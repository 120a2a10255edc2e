"""Time `kg build` on raw_texts/ against the floor: a plain read-and-regex pass over the same files.

Run on demand (`make bench`); prints both timings (best of N) and their ratio.  Not part of the
test suite: tests assert behaviour, never wall-clock time.
"""

from __future__ import annotations

import re
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "raw_texts"
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}〔\d{4}〕\d+号")
_CLAUSE = re.compile(r"（(?:责任单位|牵头单位)[：:][^）]*）")


def floor_pass() -> int:
    """Read every file, decode, and run two regexes: the least any extractor must do."""
    hits = 0
    for path in sorted(RAW.glob("*.txt")):
        text = path.read_bytes().decode("utf-8")
        hits += len(_DOC_NUMBER.findall(text)) + len(_CLAUSE.findall(text))
    return hits


def best_of(fn, n: int) -> tuple[float, float]:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times)


def main() -> None:
    from kg.build import run_build

    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    tmp = Path(tempfile.mkdtemp())
    try:
        floor_best, floor_med = best_of(floor_pass, 20)
        core_best, core_med = best_of(lambda: run_build([RAW], tmp / "b", render=False, validate=False), runs)
        full_best, full_med = best_of(lambda: run_build([RAW], tmp / "c"), max(1, runs - 1))
        tracemalloc.start()
        run_build([RAW], tmp / "d", render=False, validate=False)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"floor (read + 2 regexes):      best {floor_best * 1000:8.1f} ms  median {floor_med * 1000:8.1f} ms")
    print(f"kg build (graph+store+report): best {core_best * 1000:8.1f} ms  median {core_med * 1000:8.1f} ms  ratio {core_best / floor_best:6.1f}x")
    print(f"kg build (+ SHACL + renders):  best {full_best * 1000:8.1f} ms  median {full_med * 1000:8.1f} ms  ratio {full_best / floor_best:6.1f}x")
    print(f"peak Python memory (core build): {peak / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
