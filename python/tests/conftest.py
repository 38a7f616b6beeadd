"""Shared fixtures of the sumbench Python tests.

Expected values come from rouge-score 0.1.2 itself (installed from PyPI),
from the conformance files in ../shared/conformance (outputs of rouge-score
and sacreBLEU), from hand computation, or, for error messages, from the
`sumbench` command line (SUMBENCH_CLI, set by .ci/python). Nothing is skipped:
a missing input fails the test that needs it.
"""

import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("SUMBENCH_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def conformance():
    """A reader of ../shared/conformance/<name> as a list of JSON objects."""

    def read(name):
        path = SHARED / "conformance" / name
        assert path.is_file(), "%s is missing (set SUMBENCH_SHARED to the shared/ folder)" % path
        with open(path, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]

    return read


@pytest.fixture(scope="session")
def cli():
    """Runs the `sumbench` binary (SUMBENCH_CLI) and returns the message of
    its `error: ` line."""
    binary = os.environ.get("SUMBENCH_CLI")
    assert binary and Path(binary).is_file(), (
        "SUMBENCH_CLI must name the sumbench binary (cargo build --bin sumbench); .ci/python sets it"
    )

    def error_of(*args, cwd=None):
        done = subprocess.run([binary, *map(str, args)], capture_output=True, text=True, cwd=cwd)
        assert done.returncode != 0, "the command line accepted %r" % (args,)
        lines = [line for line in done.stderr.splitlines() if line.startswith("error: ")]
        assert lines, done.stderr
        # The message may go on over several lines (a list of differences).
        start = done.stderr.index(lines[0]) + len("error: ")
        rest = done.stderr[start:]
        return rest.split("\nhint: ")[0].rstrip("\n")

    return error_of


def write_jsonl(path, records):
    """Writes `records` as JSON Lines."""
    with open(path, "w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


NEWS = [
    {
        "id": "d1",
        "text": "Heavy rain fell across the valley on Monday. The river rose over its banks overnight. "
        "Officials closed three roads near the bridge. Residents moved furniture upstairs as the water rose.",
        "references": ["The river flooded after heavy rain and officials closed roads."],
    },
    {
        "id": "d2",
        "text": "Markets opened calmly in London. Shares in the bank fell sharply after the quarterly report. "
        "Analysts blamed bad loans for the loss. The bank said it would cut costs next year.",
        "references": ["Bank shares fell sharply after a report showed losses on bad loans."],
    },
    {
        "id": "d3",
        "text": "The council approved a new park on Tuesday. It will open next spring on the old factory site. "
        "Children from the local school drew the plans. The mayor praised their ideas at the meeting.",
        "references": ["A new park designed with school children's ideas will open next spring."],
    },
]


@pytest.fixture
def news():
    """Three short news documents with one reference each."""
    return [dict(d) for d in NEWS]
