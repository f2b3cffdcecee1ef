"""Services the controllers use: settings, appearance, search worker, start-up cache, print.

Also the passage map (passage-text offsets to document positions) and markup escaping:
none of them is a widget, none decides what an intent does.
"""
