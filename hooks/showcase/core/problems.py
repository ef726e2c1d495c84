"""Problems found in editors' files, reported together as one sorted list."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True, slots=True)
class Problem:
    """One thing an editor must fix: ``file:line: field: message`` (message in Chinese)."""

    path: str  # project-relative, forward slashes
    line: int
    field: str  # field path such as "recipient.type"; "" for the whole file
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class Problems:
    """Collects problems while loading; never raises on bad data."""

    def __init__(self) -> None:
        self._items: list[Problem] = []

    def add(self, path: str, line: int, field: str, message: str) -> None:
        self._items.append(Problem(path, max(1, int(line)), field, message))

    def extend(self, other: Problems) -> None:
        self._items.extend(other._items)

    def __bool__(self) -> bool:
        return bool(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def sorted(self) -> list[Problem]:
        return sorted(set(self._items), key=lambda p: (p.path, p.line, p.field, p.message))

    def report(self) -> str:
        """All problems, one per line, sorted by file and line, with a closing count."""
        lines = [str(p) for p in self.sorted()]
        files = len({p.path for p in self._items})
        lines.append(f"共发现 {len(lines)} 个问题，涉及 {files} 个文件。请逐条修改后重新运行。")
        return "\n".join(lines)


class DataError(Exception):
    """Raised by :func:`showcase.load.loader.load_project` when the data has problems."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        super().__init__(problems.report())
