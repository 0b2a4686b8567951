#!/usr/bin/env python3
"""How fast `generator serve` shows an edited issue (issue #7, item 4). A benchmark, not a
test: CI does not run it.

    python3 bench/serve_edit.py                      10,000 issues, 38 provinces, 20 edits
    EDITS=40 ISSUES=2000 python3 bench/serve_edit.py other sizes
    GAP=2 python3 bench/serve_edit.py                seconds between edits (default 0.3)

Builds the generator in release (CARGO_TARGET_DIR is honoured), writes the synthetic site of
bench/gen_content.py once into $BENCH_DIR/pristine (stamped like bench/run.sh; default
BENCH_DIR is $TMPDIR/serve-bench), copies it to $BENCH_DIR/work for this run (the edits change
files), starts `generator serve` on it, waits for the first full build, then EDITS times: changes
the summary of one issue (a different issue and province each time, the Indonesian file and the
English translation in turn), notes the time just before the write, and polls the issue's page
and its province's page (the summary is on both: the page's lead and the province's issue list)
until each shows the new words, then waits GAP seconds. With the default gap the edits come
faster than serve's background search index starts (it waits for a pause); with GAP=2 it
starts between edits and each edit has to stop it. Prints the median, p90 and max latency of
"issue page updated" and "province page updated", the server's own timing of each update, and
the full build time.
"""

import hashlib
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import http.client

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EDITS = int(os.environ.get("EDITS", "20"))
ISSUES = int(os.environ.get("ISSUES", "10000"))
PROVINCES = int(os.environ.get("PROVINCES", "38"))
SEED = int(os.environ.get("SEED", "42"))
GAP = float(os.environ.get("GAP", "0.3"))
BENCH_DIR = os.environ.get(
    "BENCH_DIR", os.path.join(os.environ.get("TMPDIR", "/tmp"), "serve-bench")
)
AS_OF = "2023-06-01"
TIMEOUT = 30.0  # seconds for one page to update before giving up
POLL = 0.002  # seconds between polls of one page


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def build_generator():
    log("building the generator (release)")
    subprocess.run(
        ["cargo", "build", "--quiet", "--release", "-p", "generator", "--bin", "generator",
         "--manifest-path", os.path.join(ROOT, "Cargo.toml")],
        check=True,
    )
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    return os.path.join(target, "release", "generator")


def content_copy():
    """A fresh copy of the synthetic site for this run: $BENCH_DIR/work/content."""
    pristine = os.path.join(BENCH_DIR, "pristine")
    with open(os.path.join(ROOT, "bench", "gen_content.py"), "rb") as f:
        script = hashlib.sha256(f.read()).hexdigest()[:16]
    stamp = f"{ISSUES} {PROVINCES} {SEED} {script}"
    stamp_file = os.path.join(pristine, ".stamp")
    try:
        with open(stamp_file) as f:
            current = f.read().strip()
    except OSError:
        current = None
    if current != stamp:
        log(f"writing the synthetic site into {pristine}")
        shutil.rmtree(pristine, ignore_errors=True)
        subprocess.run(
            [sys.executable, os.path.join(ROOT, "bench", "gen_content.py"), pristine,
             "--issues", str(ISSUES), "--provinces", str(PROVINCES), "--seed", str(SEED)],
            check=True, stdout=subprocess.DEVNULL,
        )
        with open(stamp_file, "w") as f:
            f.write(stamp + "\n")
    work = os.path.join(BENCH_DIR, "work")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    log(f"copying the site into {work}")
    shutil.copytree(os.path.join(pristine, "content"), os.path.join(work, "content"))
    return os.path.join(work, "content")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`generator serve` with its stderr read on a thread."""

    def __init__(self, gen, content):
        port = free_port()
        self.proc = subprocess.Popen(
            # English messages: the lines below are matched in English ("built", "updated").
            [gen, "--lang", "en", "serve", "--port", str(port), "--content", content,
             "--theme", os.path.join(ROOT, "themes", "default"), "--as-of", AS_OF],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            text=True,
        )
        self.lines = []
        self.cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()
        line = self.wait_line(lambda l: l.startswith("serving http://"), 600)
        self.host, port = line.split("http://", 1)[1].split("/", 1)[0].split(":")
        self.port = int(port)
        built = next((l for l in self.lines if l.startswith("built ")), "")
        m = re.search(r"built (\d+) pages in ([\d.]+) s", built)
        if not m:
            raise SystemExit("the first build failed:\n" + "\n".join(self.lines[-40:]))
        self.pages, self.full_build = int(m.group(1)), float(m.group(2))

    def _read(self):
        for line in self.proc.stderr:
            with self.cond:
                self.lines.append(line.rstrip("\n"))
                self.cond.notify_all()

    def wait_line(self, pred, timeout, start=0):
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                for line in self.lines[start:]:
                    if pred(line):
                        return line
                left = deadline - time.monotonic()
                if left <= 0 or self.proc.poll() is not None:
                    raise SystemExit("generator serve did not say it:\n" + "\n".join(self.lines[-40:]))
                self.cond.wait(left)

    def get(self, path):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=10)
        try:
            conn.request("GET", path)
            resp = conn.getresponse()
            return resp.status, resp.read().decode("utf-8", "replace")
        finally:
            conn.close()

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def poll_until(server, path, text, t0, out, key):
    """Polls `path` until its body contains `text`; stores seconds since `t0` in out[key]."""
    deadline = t0 + TIMEOUT
    while time.monotonic() < deadline:
        status, body = server.get(path)
        if status == 200 and text in body:
            out[key] = time.monotonic() - t0
            return
        time.sleep(POLL)
    out[key] = None


def pick_issues(content, n):
    """n (province, issue slug) pairs from different provinces, in a fixed order."""
    provinces = sorted(os.listdir(os.path.join(content, "provinces")))
    picks = []
    for i in range(n):
        p = provinces[i % len(provinces)]
        issues = sorted(
            f[:-3] for f in os.listdir(os.path.join(content, "provinces", p, "issues"))
            if f.endswith(".md") and not f.endswith(".en.md")
        )
        picks.append((p, issues[(i // len(provinces) * 7 + 3) % len(issues)]))
    return picks


def change_summary(path, marker):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    new, count = re.subn(r'^summary: "(.*)"$', lambda m: f'summary: "{m.group(1)} {marker}"',
                         text, count=1, flags=re.M)
    if count != 1:
        raise SystemExit(f"no quoted summary line in {path}")
    t0 = time.monotonic()
    with open(path, "w", encoding="utf-8") as f:
        f.write(new)
    return t0


def stats(values):
    values = sorted(values)
    p90 = values[min(len(values) - 1, max(0, round(0.9 * len(values)) - 1))]
    return statistics.median(values), p90, values[-1]


def main():
    gen = build_generator()
    content = content_copy()
    log("starting generator serve (first full build)")
    server = Server(gen, content)
    log(f"first full build: {server.pages} pages in {server.full_build:.2f} s")
    issue_lat, province_lat, internal = [], [], []
    try:
        time.sleep(1.0)  # let the watcher settle after the first build
        for i, (p, slug) in enumerate(pick_issues(content, EDITS)):
            english = i % 2 == 1
            suffix = ".en.md" if english else ".md"
            path = os.path.join(content, "provinces", p, "issues", slug + suffix)
            prefix = f"/en/provinces/{p}/" if english else f"/provinsi/{p}/"
            marker = f"Penanda suntingan {i:02d} {os.getpid()}"
            seen = len(server.lines)
            t0 = change_summary(path, marker)
            out = {}
            threads = [
                threading.Thread(target=poll_until, args=(server, prefix + slug + "/", marker, t0, out, "issue")),
                threading.Thread(target=poll_until, args=(server, prefix, marker, t0, out, "province")),
            ]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            if out["issue"] is None or out["province"] is None:
                raise SystemExit(f"edit {i} ({path}) not served within {TIMEOUT} s:\n"
                                 + "\n".join(server.lines[seen:]))
            line = server.wait_line(lambda l: l.startswith(("updated ", "built ")), 30, seen)
            m = re.search(r"in (\d+) ms", line)
            if m:
                internal.append(float(m.group(1)))
            issue_lat.append(out["issue"] * 1000)
            province_lat.append(out["province"] * 1000)
            log(f"  edit {i + 1:2d} {p}/{slug}{suffix}: issue page {out['issue'] * 1000:6.1f} ms, "
                f"province page {out['province'] * 1000:6.1f} ms  [{line}]")
            time.sleep(GAP)
    finally:
        server.stop()
    print(f"site: {ISSUES} issues, {PROVINCES} provinces, {server.pages} pages; "
          f"{len(issue_lat)} edits, {GAP} s apart")
    print(f"full build (first build of serve): {server.full_build:.2f} s")
    for name, values in [("issue page updated", issue_lat), ("province page updated", province_lat)]:
        med, p90, worst = stats(values)
        print(f"{name:24s} median {med:6.1f} ms   p90 {p90:6.1f} ms   max {worst:6.1f} ms")
    if internal:
        med, p90, worst = stats(internal)
        print(f"{'server update (own log)':24s} median {med:6.1f} ms   p90 {p90:6.1f} ms   max {worst:6.1f} ms")


if __name__ == "__main__":
    main()
