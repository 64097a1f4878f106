"""One exception family: the CLI turns each into a one-line ``click.ClickException``."""


class LegaldocsError(Exception):
    """Base of every error legaldocs raises on purpose."""


class NumberError(LegaldocsError, ValueError):
    """Text that is not a document number."""


class DateError(LegaldocsError, ValueError):
    """Text that is not a date."""


class ReaderError(LegaldocsError):
    """A file that cannot be read: unknown format, corrupt, hostile or too large."""

    def __init__(self, path, reason):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
