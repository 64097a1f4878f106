"""Every regular expression legaldocs uses, each with a comment and examples, grouped by
pipeline stage (one module each). Data only: the modules that use them (numbers, dates,
readers, extract, index) import them from here by name, e.g. ``patterns.NUMBER``.
``REGISTRY`` holds them all; ``tests/test_patterns.py`` makes every example match and
every counter-example fail.
"""
from .base import DASH, LETTER, REGISTRY, UP, Pattern  # noqa: F401
from .numbers_dates import *  # noqa: F401,F403
from .citations import *  # noqa: F401,F403
from .relations import *  # noqa: F401,F403
from .layout import *  # noqa: F401,F403
from .header import *  # noqa: F401,F403
from .search import *  # noqa: F401,F403
from .review import *  # noqa: F401,F403
