"""``python -m jianan_desk`` is the same as the ``jianan-desk`` command."""

from jianan_desk.cli import main

raise SystemExit(main())
