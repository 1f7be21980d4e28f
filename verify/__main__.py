"""``python -m verify ...``: the ``verify`` command (same arguments, output and exit codes)."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
