"""``python -m jpbrief``: the same as the ``jpbrief`` command."""

import sys

from jpbrief.cli import main

sys.exit(main())
