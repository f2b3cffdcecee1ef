"""``Qt``, PySide6's namespace of enums, loaded on first use: after the first paint.

The first touch of ``PySide6.QtCore.Qt`` (reading it, or ``from PySide6.QtCore import Qt``)
makes all of its 96 Python enum classes at once: about 26 ms of CPU on the build machine,
a tenth of the reader's start-up, which a bare Qt window showing the same article never
pays. So the modules on the start-up path import :data:`Qt` from here: it stands for the
same namespace and loads it at the first attribute read. What the window sets before its
first paint goes through :func:`set_properties`, by the enum member's name (Qt's property
system converts it, as Designer's files do); a name Qt does not know raises at once.
The warm-start test in ``tests/test_offline.py`` fails if anything loads the namespace
before the first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtCore import QObject, Qt
else:

    class _Namespace:
        """Reads through to ``PySide6.QtCore.Qt``, loading it on the first read."""

        def __getattr__(self, name: str) -> Any:
            from PySide6 import QtCore

            value = getattr(QtCore.Qt, name)
            setattr(self, name, value)  # the next read finds it without coming here
            return value

    Qt = _Namespace()

USER_ROLE = 0x100
"""``Qt.ItemDataRole.UserRole``: item data roles are plain numbers in Qt's API."""
TOOL_TIP_ROLE = 3
"""``Qt.ItemDataRole.ToolTipRole``."""


def set_properties(target: QObject, **values: str) -> None:
    """Set Qt properties of enum type by their members' names, e.g.
    ``set_properties(label, textFormat="PlainText", alignment="AlignLeft|AlignVCenter")``."""
    for name, value in values.items():
        if not target.setProperty(name, value):
            raise ValueError(f"{type(target).__name__} has no property {name!r} taking {value!r}")
