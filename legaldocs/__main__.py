"""``python -m legaldocs``: the same as the ``legaldocs`` command."""
from .cli import main

main()
