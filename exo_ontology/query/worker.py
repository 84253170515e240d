"""Local queries run in a child process, so a time limit or Ctrl-C can stop them at once.

Oxigraph evaluates a query in native code that Python signals cannot interrupt; killing a child process is
the one way to stop it for sure. The child is forked from `exo query` itself, so it starts with the modules
already imported (a fresh interpreter would cost about 0.2 s of start-up per query); it sends back one tag
byte, then either a JSON status line (`{"empty": …}`) and the result bytes, or a one-line error. When the
parent has run Oxigraph's multithreaded loader (a store rebuilt in this process), a fresh interpreter is
used instead, because a forked child does not inherit the loader's threads.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time

from exo_ontology.errors import EXIT_UNUSABLE, ExoError, InputError, Interrupted, QueryTimedOut
from exo_ontology.query.execute import Job, execute
from exo_ontology.query.formats import Rendered

WORKER = [sys.executable, "-m", "exo_ontology.query.worker"]
_OK, _ERROR = b"O", b"E"


def _payload(job: Job) -> bytes:
    """What the child sends back for one job."""
    try:
        rendered = execute(job)
    except ExoError as error:
        return _ERROR + str(error).encode("utf-8")
    except Exception as error:  # noqa: BLE001 - the parent needs one line whatever went wrong in the child
        return _ERROR + f"query worker failed ({type(error).__name__}: {error})".encode()
    return _OK + json.dumps({"empty": rendered.empty}).encode() + b"\n" + rendered.data


def _answer(payload: bytes) -> Rendered:
    if not payload.startswith(_OK):
        lines = payload[1:].decode("utf-8", "replace").strip().splitlines()
        raise InputError(lines[-1] if lines else "query worker failed without a message")
    status, _, data = payload[1:].partition(b"\n")
    return Rendered(data, bool(json.loads(status)["empty"]))


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass


def run_in_worker(job: Job, timeout: float, fresh: bool = False) -> Rendered:
    """Run the job in a child process; QueryTimedOut after `timeout` s, Interrupted on Ctrl-C."""
    if fresh:
        return _run_in_fresh_interpreter(job, timeout)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into the parent's code
        try:
            os.close(read_end)
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            data = _payload(job)
            with os.fdopen(write_end, "wb") as out:
                out.write(data)
        finally:
            os._exit(0)
    os.close(write_end)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    try:
        with os.fdopen(read_end, "rb", buffering=0) as source:
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    _kill(pid)
                    raise QueryTimedOut(f"query timed out after {timeout:g} s")
                ready, _, _ = select.select([source], [], [], remaining)
                if not ready:
                    continue
                chunk = source.read(1 << 16)
                if not chunk:
                    break
                chunks.append(chunk)
    except KeyboardInterrupt:
        _kill(pid)
        raise Interrupted("interrupted; the query was stopped") from None
    os.waitpid(pid, 0)
    return _answer(b"".join(chunks))


def _run_in_fresh_interpreter(job: Job, timeout: float) -> Rendered:
    process = subprocess.Popen(WORKER, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        out, err = process.communicate(job.to_json().encode("utf-8"), timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise QueryTimedOut(f"query timed out after {timeout:g} s") from None
    except KeyboardInterrupt:
        process.kill()
        process.wait()
        raise Interrupted("interrupted; the query was stopped") from None
    if process.returncode != 0:
        lines = err.decode("utf-8", "replace").strip().splitlines()
        raise InputError(lines[-1] if lines else f"query worker failed (exit status {process.returncode})")
    return _answer(out)


def main() -> None:
    """The fresh-interpreter child: one job from stdin, the tagged answer on stdout."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C in the terminal ends the child at once, quietly
    payload = _payload(Job.from_json(sys.stdin.read()))
    sys.stdout.buffer.write(payload)
    sys.stdout.buffer.flush()
    if not payload.startswith(_OK):
        sys.exit(EXIT_UNUSABLE)


if __name__ == "__main__":
    main()
