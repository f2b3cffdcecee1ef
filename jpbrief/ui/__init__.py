"""The Qt user interface: widgets that emit intent signals, wired in one place."""
