"""Run one command and report its wall time and peak memory as JSON; started by measure.py as `python -I -S`.

Why a launcher: Linux carries a process's peak RSS across exec, and subprocess starts children by vfork,
so a child of the benchmark would inherit the benchmark's own peak (tens of MB) as its floor. This small
interpreter (a few MB) spawns the command instead, so the floor is its own size, measured and reported by
`measure.floor()`.

    python -I -S bench/launch.py STDOUT STDERR CMD [ARG ...]
"""

import json
import os
import sys
import time


def main() -> None:
    out, err, *cmd = sys.argv[1:]
    actions = [(os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
               (os.POSIX_SPAWN_OPEN, 1, out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
               (os.POSIX_SPAWN_OPEN, 2, err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)]
    start = time.perf_counter()
    pid = os.posix_spawnp(cmd[0], cmd, os.environ, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    print(json.dumps({"wall": wall, "maxrss_kib": usage.ru_maxrss, "exit": os.waitstatus_to_exitcode(status)}))


if __name__ == "__main__":
    main()
