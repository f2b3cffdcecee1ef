"""Reading positions: the session's copy first, then the notes store; a broken store costs nothing."""

from __future__ import annotations

from dataclasses import dataclass

from jpbrief.ui.services.positions import ReadingPositions


@dataclass
class Saved:
    anchor: str
    fraction: float


class Store:
    def __init__(self, fail: bool = False) -> None:
        self.kept: dict[str, Saved] = {"alpha": Saved("opening", 0.25)}
        self.fail = fail

    def set_position(self, article: str, anchor: str, fraction: float) -> None:
        if self.fail:
            raise OSError("disk full")
        self.kept[article] = Saved(anchor, fraction)

    def position(self, article: str) -> Saved | None:
        if self.fail:
            raise OSError("damaged")
        return self.kept.get(article)


def test_the_store_answers_until_the_session_has_its_own() -> None:
    store = Store()
    positions = ReadingPositions(lambda: store)  # type: ignore[arg-type,return-value]
    assert positions.saved("alpha") == ("opening", 0.25)
    positions.remember("alpha", "later", 0.5)
    assert positions.saved("alpha") == ("later", 0.5)
    assert store.kept["alpha"] == Saved("later", 0.5)


def test_before_the_store_opens_and_when_it_fails_the_session_copy_serves() -> None:
    store: Store | None = None
    positions = ReadingPositions(lambda: store)  # type: ignore[arg-type,return-value]
    positions.remember("beta", "middle", 0.4)
    assert positions.saved("beta") == ("middle", 0.4)
    assert positions.saved("alpha") is None
    store = Store(fail=True)
    positions.remember("gamma", "end", 0.9)  # the store's error is swallowed
    assert positions.saved("gamma") == ("end", 0.9)
    assert positions.saved("alpha") is None
