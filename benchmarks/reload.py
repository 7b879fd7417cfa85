"""Live preview speed: seconds from saving a YAML file until `mkdocs serve` serves the changed page.

Copies the project to a temporary folder (the real files are never touched), starts
`mkdocs serve` there with the flags `make serve` uses (read from the Makefile), changes the
`short:` of a glossary term a few times, and prints how long each change took to appear in the
served page. The target is 2 s or less.

Run: .venv/bin/python benchmarks/reload.py [--project DIR] [--rounds N]
Exits 1 when the median reload time is over the target.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 2.0
PROJECT_PARTS = ("mkdocs.yml", "docs", "glossary", "overrides")
"""What `mkdocs serve` reads; everything else (.venv, site/, tests) stays behind."""


def serve_flags() -> list[str]:
    """The flags `make serve` passes to `mkdocs serve` (but its address), read from the Makefile: what is measured is what teachers run."""
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nserve:", 1)[-1].split("\n\n", 1)[0]
    found = re.search(r"mkdocs serve (.*?) --dev-addr", recipe)
    if found is None:
        raise SystemExit("Makefile: the 'serve' recipe has no 'mkdocs serve ... --dev-addr' line to take the flags from.")
    return found.group(1).split()


class LiveServer:
    """`mkdocs serve` as `make serve` starts it, on a free port, its output collected line by line."""

    def __init__(self, project: Path) -> None:
        self.project = project
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.output: list[str] = []
        mkdocs = Path(sys.executable).with_name("mkdocs")
        command = [str(mkdocs), "serve", *serve_flags(), "--dev-addr", f"127.0.0.1:{self.port}"]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
        threading.Thread(target=self._collect, daemon=True).start()
        # MkDocs serves under the path of site_url (http://127.0.0.1:PORT/mini/ for site_url .../mini/).
        try:
            self.wait_for_output("Serving on http", timeout=120)
        except BaseException:
            self.stop()
            raise
        line = next(line for line in self.output if "Serving on http" in line)
        self.url = line[line.index("http") :].strip()

    def _collect(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.output.append(line.rstrip("\n"))

    def get(self, path: str) -> str:
        """The served page at `path`, or an empty string while the server cannot answer."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=5) as response:
                return str(response.read().decode("utf-8"))
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return ""

    def wait_for_page(self, path: str, text: str, timeout: float = 60.0, interval: float = 0.02) -> float:
        """Seconds until the page at `path` contains `text`; raises TimeoutError when it never does."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            if self.process.poll() is not None:
                raise RuntimeError("mkdocs serve stopped:\n" + "\n".join(self.output[-30:]))
            if text in self.get(path):
                return time.perf_counter() - start
            time.sleep(interval)
        raise TimeoutError(f"'{text}' did not appear on /{path} within {timeout} s:\n" + "\n".join(self.output[-30:]))

    def wait_for_output(self, text: str, timeout: float = 30.0) -> None:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self.process.poll() is not None and not any(text in line for line in self.output):
                raise RuntimeError("mkdocs serve stopped:\n" + "\n".join(self.output[-30:]))
            if any(text in line for line in self.output):
                return
            time.sleep(0.05)
        raise TimeoutError(f"'{text}' not printed within {timeout} s:\n" + "\n".join(self.output[-30:]))

    def cpu_seconds(self) -> float:
        """CPU time the server has used so far (Linux); unlike wall time, other work on the machine does not inflate it."""
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return float("nan")
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def builds(self) -> list[float]:
        """Seconds of each build MkDocs reported so far."""
        return [float(line.split("built in ")[1].split()[0]) for line in self.output if "Documentation built in" in line]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def copy_project(source: Path, target: Path) -> Path:
    target.mkdir(parents=True)
    for part in PROJECT_PARTS:
        path = source / part
        if path.is_dir():
            shutil.copytree(path, target / part)
        elif path.is_file():
            shutil.copyfile(path, target / part)
    return target


def set_short(term_file: Path, text: str) -> None:
    """Rewrite the term with a new `short:` (the copy's formatting does not matter)."""
    data = yaml.safe_load(term_file.read_text(encoding="utf-8"))
    data["short"] = text
    term_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def measure(project: Path, rounds: int) -> list[tuple[float, float, float, str]]:
    """Per round: the reload time, the part of it MkDocs spent building and the CPU time used (seconds),
    and how many pages the terms plugin rendered again, as it printed it ('' when it did not say)."""
    term_file = sorted((project / "glossary" / "terms").glob("*.yml"))[0]
    page = f"glossary/{term_file.stem}/"
    server = LiveServer(project)
    try:
        server.wait_for_page(page, "</html>", timeout=120)
        original = yaml.safe_load(term_file.read_text(encoding="utf-8"))["short"]
        times = []
        for number in range(1, rounds + 1):
            marker = f"Reload check {number}."
            builds = len(server.builds())
            cpu = server.cpu_seconds()
            set_short(term_file, f"{original} {marker}")
            seconds = server.wait_for_page(page, marker)
            deadline = time.perf_counter() + 5
            while len(server.builds()) <= builds and time.perf_counter() < deadline:
                time.sleep(0.01)
            rendered = [line.split("Rendered ", 1)[1].split(" pages")[0] for line in server.output if "pages again" in line]
            times.append((seconds, server.builds()[-1], server.cpu_seconds() - cpu, rendered[-1] if rendered else ""))
            time.sleep(1.0)  # let the server settle, so each round starts from rest
        return times
    finally:
        server.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--project", type=Path, default=ROOT, help="project to copy (the folder with mkdocs.yml); default: this one")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="reload-benchmark-") as tmp:
        project = copy_project(args.project.resolve(), Path(tmp) / "project")
        times = measure(project, args.rounds)
    for number, (seconds, build, cpu, rendered) in enumerate(times, start=1):
        pages = f"; pages rendered: {rendered}" if rendered else ""
        print(f"round {number}: {seconds:.2f} s (building: {build:.2f} s; server CPU time: {cpu:.2f} s{pages})")
    median = statistics.median(seconds for seconds, _, _, _ in times)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {os.cpu_count()} CPUs, load average {load:.1f} (other work slows the rebuild)")
    verdict = "within" if median <= TARGET_SECONDS else "OVER"
    slowest = max(seconds for seconds, _, _, _ in times)
    print(f"reload after saving a YAML file: median {median:.2f} s, max {slowest:.2f} s ({verdict} the {TARGET_SECONDS:.0f} s target)")
    return 0 if median <= TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
