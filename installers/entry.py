"""Entry point of the frozen app (PyInstaller): the same `main()` as the `casebook` command.

`freeze_support()` comes first, before anything else is imported: the isolated worker that
parses untrusted files is started with the spawn method, which in a frozen build runs this same
executable again, and must be turned into the worker here rather than start a second app.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from casebook.app.main import main

    sys.exit(main())
