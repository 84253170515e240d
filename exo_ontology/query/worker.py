"""Local queries run in a child process, so a time limit or Ctrl-C can stop them at once.

Oxigraph evaluates a query in native code that Python signals cannot interrupt; killing a child process is
the one way to stop it for sure. The parent sends the `Job` as JSON on the child's stdin and reads back a
JSON status line (`{"empty": …}`) followed by the result bytes; a failure is one line on the child's
stderr and exit status 2.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys

from exo_ontology.errors import EXIT_UNUSABLE, ExoError, InputError, Interrupted, QueryTimedOut
from exo_ontology.query.execute import Job, execute
from exo_ontology.query.formats import Rendered

WORKER = [sys.executable, "-m", "exo_ontology.query.worker"]


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.kill()
    process.wait()


def run_in_worker(job: Job, timeout: float) -> Rendered:
    """Run the job in a child process; QueryTimedOut after `timeout` s, Interrupted on Ctrl-C."""
    process = subprocess.Popen(WORKER, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        out, err = process.communicate(job.to_json().encode("utf-8"), timeout=timeout)
    except subprocess.TimeoutExpired:
        _stop(process)
        raise QueryTimedOut(f"query timed out after {timeout:g} s") from None
    except KeyboardInterrupt:
        _stop(process)
        raise Interrupted("interrupted; the query was stopped") from None
    if process.returncode != 0:
        lines = err.decode("utf-8", "replace").strip().splitlines()
        raise InputError(lines[-1] if lines else f"query worker failed (exit status {process.returncode})")
    status, _, data = out.partition(b"\n")
    return Rendered(data, bool(json.loads(status)["empty"]))


def main() -> None:
    """The child: one job from stdin, the status line and the result on stdout."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C in the terminal ends the child at once, quietly
    try:
        rendered = execute(Job.from_json(sys.stdin.read()))
    except ExoError as error:
        print(str(error), file=sys.stderr)
        sys.exit(EXIT_UNUSABLE)
    sys.stdout.buffer.write(json.dumps({"empty": rendered.empty}).encode() + b"\n" + rendered.data)
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()
