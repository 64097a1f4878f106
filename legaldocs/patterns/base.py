"""The pattern registry: every regex is defined through ``define`` with a comment, examples
and counter-examples, and ``tests/test_patterns.py`` makes each example match."""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Pattern:
    name: str
    regex: re.Pattern
    comment: str
    examples: tuple  # strings the pattern must find (search)
    counter_examples: tuple = ()  # strings it must not find
    anchored: bool = False  # used with Pattern.match(text, pos): examples match at their start

    def finds(self, text: str) -> bool:
        return bool(self.regex.match(text) if self.anchored else self.regex.search(text))


REGISTRY: dict[str, Pattern] = {}


def define(name, source, comment, examples, counter_examples=(), flags=0, anchored=False) -> re.Pattern:
    compiled = re.compile(source, flags)
    REGISTRY[name] = Pattern(name, compiled, comment, tuple(examples), tuple(counter_examples), anchored)
    return compiled


# Characters used as a dash inside a ký hiệu: hyphen, en dash, non-breaking and
# Unicode hyphens, minus sign.
DASH = "-\u2013\u2010\u2011\u2212"
# Upper-case letters of a ký hiệu segment, with Đ and its look-alike Ð (U+00D0).
UP = "A-ZĐÐ"
LETTER = "A-Za-zĐđÐ"
