"""Entry point of the frozen app (PyInstaller): the same `main()` as the `casebook` command."""

import sys

from casebook.app.main import main

if __name__ == "__main__":
    sys.exit(main())
