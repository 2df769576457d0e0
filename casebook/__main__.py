"""`python -m casebook` is the same as the `casebook` command."""

import sys

from casebook.app.main import main

if __name__ == "__main__":
    sys.exit(main())
