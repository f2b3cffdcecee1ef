"""Entry script for the frozen build: the same as the ``jpbrief`` command."""

import sys

from jpbrief.cli import main

if __name__ == "__main__":
    sys.exit(main())
