"""Errors a user can act on: each renders as one line naming the file and the reason."""


class InputError(Exception):
    """Bad input (missing, empty, binary, undecodable); the CLI prints it and exits non-zero."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
