"""bench/run_all.py: runs benchmark scripts for real and writes their reports under the machine."""

from __future__ import annotations

import importlib.util
import os
import platform
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def run_all() -> ModuleType:
    spec = importlib.util.spec_from_file_location("run_all", ROOT / "bench" / "run_all.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["run_all"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def script(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / f"{name}.py"
    path.write_text(body)
    return path


def test_a_benchmarks_stdout_becomes_its_report(run_all: ModuleType, tmp_path: Path) -> None:
    table = "| p50 | p95 |\\n| --- | --- |\\n| 1.0 ms | 2.0 ms |"
    bench = script(
        tmp_path, "fast_bench", f"import sys\nprint('{table}')\nprint('progress', file=sys.stderr)\n"
    )

    report = run_all.run(bench, "Fast", timeout=60)

    assert report.exit_code == 0
    assert report.output == table.replace("\\n", "\n")
    assert report.name == "fast_bench"


def test_a_silent_hanging_benchmark_is_stopped_at_its_time_limit(run_all: ModuleType, tmp_path: Path) -> None:
    bench = script(tmp_path, "hung_bench", "import time\nprint('started', flush=True)\ntime.sleep(60)\n")

    report = run_all.run(bench, "Hung", timeout=1)

    assert report.exit_code != 0
    assert report.seconds < 30
    assert report.output.startswith("started")
    assert "stopped at the 1 s time limit" in report.output


def test_results_name_the_machine_and_mark_failures_and_missing_benchmarks(run_all: ModuleType) -> None:
    about = run_all.machine()
    reports = [
        run_all.Report("ok_bench", "Works", "| a |\n| --- |\n| 1 |", 0, 3.2),
        run_all.Report("bad_bench", "Breaks", "", 2, 0.5),
    ]

    text = run_all.render(reports, ["load_bench"], about)

    assert about["cores"].startswith(str(os.cpu_count()))
    assert about["Python"].startswith(platform.python_version())
    assert about["memory"].endswith("GiB") and float(about["memory"].split()[0]) > 0
    for key in ("CPU", "cores", "memory", "Python", "date"):
        assert f"| {key} | {about[key]} |" in text
    assert "## Works\n\n`bench/ok_bench.py`, 3 s\n\n| a |\n| --- |\n| 1 |" in text
    assert "`bench/bad_bench.py`, 0 s, **failed with exit code 2**" in text
    assert "Not run (no such benchmark yet): `load_bench`" in text
