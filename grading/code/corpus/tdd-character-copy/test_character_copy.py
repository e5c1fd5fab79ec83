from __future__ import annotations

# ---- inlined from tests/recording_destination.py
class RecordingDestination:
    def __init__(self) -> None:
        self._buffer: list[str] = []

    def write(self, ch: str) -> None:
        self._buffer.append(ch)

    @property
    def written(self) -> str:
        return "".join(self._buffer)


# ---- inlined from tests/string_source.py
class StringSource:
    def __init__(self, payload: str) -> None:
        self._payload = payload
        self._index = 0
        self.read_count = 0

    def read(self) -> str:
        self.read_count += 1
        if self._index >= len(self._payload):
            return "\n"
        ch = self._payload[self._index]
        self._index += 1
        return ch


from character_copy import copy



def test_immediate_newline_copies_nothing():
    source = StringSource("")
    destination = RecordingDestination()

    copy(source, destination)

    assert destination.written == ""


def test_single_character_then_newline_copies_that_character():
    source = StringSource("a")
    destination = RecordingDestination()

    copy(source, destination)

    assert destination.written == "a"


def test_multiple_characters_then_newline_copies_all_of_them_in_order():
    source = StringSource("abc")
    destination = RecordingDestination()

    copy(source, destination)

    assert destination.written == "abc"


def test_copy_preserves_whitespace_before_the_terminator():
    source = StringSource("a b")
    destination = RecordingDestination()

    copy(source, destination)

    assert destination.written == "a b"


def test_copy_does_not_read_past_the_terminator():
    source = StringSource("abc")
    destination = RecordingDestination()

    copy(source, destination)

    assert source.read_count == 4


def test_copy_writes_exactly_as_many_characters_as_were_read_before_the_terminator():
    source = StringSource("quip")
    destination = RecordingDestination()

    copy(source, destination)

    assert len(destination.written) == 4
