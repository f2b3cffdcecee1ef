"""The key-figures table's own words in the interface's language: a year and its relation, agreement.

The core's :func:`~jpbrief.core.render.digests.figure_year` and ``disagreement`` say the
same in English for paper; these say it on screen, through Qt's translation.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from jpbrief.core.figures import FigureRow
from jpbrief.ui.i18n import QT_TRANSLATE_NOOP, display_date

translate = QCoreApplication.translate

ASPECTS = {"value": QT_TRANSLATE_NOOP("FiguresModel", "value"),
           "unit": QT_TRANSLATE_NOOP("FiguresModel", "unit"),
           "year": QT_TRANSLATE_NOOP("FiguresModel", "year")}
RELATIONS = {"by": QT_TRANSLATE_NOOP("FiguresModel", "by {date}"),
             "as_of": QT_TRANSLATE_NOOP("FiguresModel", "as of {date}")}


def disagreement(row: FigureRow) -> str:
    """``differs in value`` and the like for a row whose measure disagrees; '' otherwise."""
    if row.disagrees:
        aspects = translate("FiguresModel", " and ").join(
            translate("FiguresModel", ASPECTS.get(aspect, aspect)) for aspect in row.differences)
        return translate("FiguresModel", "differs in {aspects}").format(aspects=aspects)
    return translate("FiguresModel", "agrees") if len(row.group) > 1 else ""


def figure_year(row: FigureRow) -> str:
    """``2022``, ``by 2027``, ``as of May 2024`` in the interface's words; '' when none."""
    figure = row.figure
    if not figure.year:
        return ""
    shown = display_date(figure.year)
    if figure.relation == "in":
        return shown
    if figure.relation not in RELATIONS:
        return f"{figure.relation.replace('_', ' ')} {shown}"
    return translate("FiguresModel", RELATIONS[figure.relation]).format(date=shown)
