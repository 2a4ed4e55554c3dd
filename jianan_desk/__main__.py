"""``python -m jianan_desk`` is the same as the ``jianan-desk`` command."""

from jianan_desk.launch import main

raise SystemExit(main())
