"""Where the server's CPU goes per filter change: the app under yappi while the protocol load drives it.

    python -m bench.profile_server [--sessions 5] [--think 0.5] [--duration 30] [--top 35]

Starts ``streamlit run app.py`` on loopback inside a process that profiles every thread with yappi
(CPU clock) from SIGUSR1 to SIGUSR2, runs bench/load_protocol.py's sessions against it (their first
runs included; the server's very first visit, imports and caches, left out), and prints the functions
by cumulative CPU time per script run. The profiler slows the server about threefold: read shares.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import pstats
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.load_protocol import _warm_up, measure
from scripts.replicas import ROOT, free_port, healthy


def _serve(port: str, out: str) -> None:
    """In the child: yappi on SIGUSR1, saved as pstats on SIGUSR2; then Streamlit's own CLI."""
    import yappi

    yappi.set_clock_type("cpu")

    def start(*_):
        yappi.start(builtins=False, profile_threads=True)

    def stop(*_):
        yappi.stop()
        yappi.get_func_stats().save(out, type="pstat")

    signal.signal(signal.SIGUSR1, start)
    signal.signal(signal.SIGUSR2, stop)
    from streamlit.web.cli import main

    sys.argv = ["streamlit", "run", str(ROOT / "app.py"), "--server.port", port, "--server.address", "127.0.0.1",
                "--server.headless", "true", "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"]
    main()


def profile(sessions: int, think: float, duration: float, top: int) -> None:
    port = free_port()
    out = Path(tempfile.mkdtemp(prefix="jjj-profile-")) / "server.pstat"
    log = open(out.with_suffix(".log"), "wb")
    proc = subprocess.Popen([sys.executable, "-m", "bench.profile_server", "--serve", str(port), str(out)],
                            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while not healthy(base) and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.3)
        asyncio.run(_warm_up(base, 1))  # imports and caches of the first visit stay out of the profile
        os.kill(proc.pid, signal.SIGUSR1)
        row = asyncio.run(measure(base, [proc.pid], sessions, think, duration, 100_000))
        os.kill(proc.pid, signal.SIGUSR2)
        for _ in range(100):
            if out.exists():
                break
            time.sleep(0.2)
    finally:
        proc.terminate()
        proc.wait(15)
        log.close()
    runs = row["changes"] + 2 * (row["opened"] + 1)
    print(f"{row['changes']} changes, about {runs} script runs profiled (p50 {row['p50']:.3f} s under the profiler)")
    stats = pstats.Stats(str(out))
    stats.sort_stats("cumulative").print_stats(top)
    print(f"profile: {out} (open with python -m pstats)")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--serve":
        _serve(sys.argv[2], sys.argv[3])
    else:
        parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
        parser.add_argument("--sessions", type=int, default=5)
        parser.add_argument("--think", type=float, default=0.5)
        parser.add_argument("--duration", type=float, default=30.0)
        parser.add_argument("--top", type=int, default=35)
        args = parser.parse_args()
        profile(args.sessions, args.think, args.duration, args.top)
