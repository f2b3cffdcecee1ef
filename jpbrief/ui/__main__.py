"""``python -m jpbrief.ui``: the reader alone, without the sub-command parser.

The same window as ``jpbrief read``; the start-up benchmark also times this path to
show what the command-line layer adds to start-up.
"""

import sys

from jpbrief.core import paths
from jpbrief.ui.launch import run

sys.exit(run(paths.content_dir()))
