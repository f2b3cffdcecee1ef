"""Widgets: they draw and emit intent signals; no behaviour beyond their own display."""
