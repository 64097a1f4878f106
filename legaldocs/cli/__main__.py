"""``python -m legaldocs.cli``: the same as the ``legaldocs`` command."""
from . import main

main()
