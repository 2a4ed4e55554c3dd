"""``make test-pg``: the whole suite against a throwaway PostgreSQL cluster.

Starts the cluster, points ``JIANAN_TEST_DB`` at it (the ``db`` fixture then yields fresh
PostgreSQL databases, see tests/conftest.py), runs pytest with any extra arguments, and stops
the cluster whatever happened.

    python -m tests.pg.run [pytest args...]
"""

from __future__ import annotations

import os
import subprocess
import sys

from tests.pg.cluster import TempCluster


def main(argv: list[str]) -> int:
    with TempCluster() as cluster:
        env = dict(os.environ, JIANAN_TEST_DB=cluster.url("postgres"))
        print(f"test-pg: PostgreSQL cluster on port {cluster.port} ({cluster.dir})", flush=True)
        return subprocess.call([sys.executable, "-m", "pytest", *argv], env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
