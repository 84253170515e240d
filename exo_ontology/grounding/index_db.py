"""The grounder's tables answered from an SQLite file, one lookup at a time.

Unpickling the in-memory `Tables` makes ~2 million Python objects (about a second), which a
command that grounds one abstract's few hundred names never uses. `write_tables` stores each
mapping of the tables as an SQLite table (key -> marshalled value); `read_tables` returns a
`DiskTables` whose Mapping fields fetch (and memoise) only the keys asked for. Grounding through
either gives the same candidates (tests/test_startup.py); builds keep the in-memory tables, whose
lookups are cheaper when every document of a corpus is read.
"""

from __future__ import annotations

import marshal
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Generic, TypeVar

from exo_ontology.grounding.index import RELATIONS, TIERS, TYPE_CODES, Tables

K = TypeVar("K")
V = TypeVar("V")
_MISSING = object()
#: the Mapping fields of Tables stored as one SQLite table each (name -> table)
MAPS = ("keys", "term_rows", "bags0", "bags1", "initials", "tails", "stems")


def _same(key: Any) -> Any:
    return key


class DiskMap(Mapping[K, V], Generic[K, V]):
    """A read-only Mapping over an SQLite table `(k TEXT UNIQUE, v BLOB)`; iteration in insertion order."""

    def __init__(self, con: sqlite3.Connection, table: str, decode: Callable[[Any], V] = marshal.loads,
                 key_in: Callable[[K], str] = _same, key_out: Callable[[str], K] = _same,
                 value: str = "v") -> None:
        self._con, self._decode, self._key_in, self._key_out = con, decode, key_in, key_out
        self._get = f"SELECT {value} FROM {table} WHERE k = ?"      # table names are ours, not input
        self._all = f"SELECT k, {value} FROM {table} ORDER BY rowid"
        self._count = f"SELECT count(*) FROM {table}"
        self._memo: dict[K, Any] = {}

    def __getitem__(self, key: K) -> V:
        found = self._memo.get(key, _MISSING)
        if found is _MISSING:
            row = self._con.execute(self._get, (self._key_in(key),)).fetchone()
            found = self._memo[key] = _MISSING if row is None else self._value(key, row[0])
        if found is _MISSING:
            raise KeyError(key)
        return found  # type: ignore[no-any-return]

    def _value(self, key: K, stored: Any) -> V:
        try:
            return self._decode(stored)
        except (ValueError, EOFError, TypeError) as exc:   # one damaged file error for the caller
            raise sqlite3.DatabaseError(f"undecodable value of {key!r}: {exc}") from exc

    def __contains__(self, key: object) -> bool:
        try:
            self[key]  # type: ignore[index]
        except KeyError:
            return False
        return True

    def __iter__(self) -> Iterator[K]:
        return (self._key_out(k) for k, _ in self._con.execute(self._all))

    def items(self) -> Iterator[tuple[K, V]]:  # type: ignore[override]
        return ((self._key_out(k), self._decode(v)) for k, v in self._con.execute(self._all))

    def __len__(self) -> int:
        return int(self._con.execute(self._count).fetchone()[0])


def create_map(con: sqlite3.Connection, table: str, items: Iterable[tuple[str, Any]]) -> None:
    """Write one mapping (keys already encoded as text; values marshalled)."""
    con.execute(f"CREATE TABLE {table} (k TEXT UNIQUE NOT NULL, v BLOB NOT NULL)")
    con.executemany(f"INSERT INTO {table} (k, v) VALUES (?, ?)",
                    ((k, marshal.dumps(v)) for k, v in items))


def _pair_key(key: tuple[str, str]) -> str:
    return f"{key[0]}\x1f{key[1]}"


def _pair_of(text: str) -> tuple[str, str]:
    first, _, second = text.partition("\x1f")
    return first, second


def write_tables(con: sqlite3.Connection, tables: Tables) -> None:
    """Every lookup structure of `tables` as SQLite tables (the small ones go with the caller's meta)."""
    def group_rows(group: int) -> tuple[tuple[str, str, int, int, int], ...]:
        c = tables.codes
        return tuple((tables.names[i], tables.curies[i], c[3 * i], c[3 * i + 1], c[3 * i + 2])
                     for i in range(tables.starts[group], tables.starts[group + 1]))

    create_map(con, "keys", ((key, group_rows(group)) for key, group in tables.keys.items()))
    create_map(con, "term_rows", tables.term_rows.items())
    create_map(con, "bags0", tables.bags[0].items())
    create_map(con, "bags1", tables.bags[1].items())
    create_map(con, "initials", ((_pair_key(k), v) for k, v in tables.initials.items()))
    create_map(con, "tails", tables.tails.items())
    create_map(con, "stems", tables.stems.items())


class DiskTables(Tables):
    """`Tables` whose mappings are `DiskMap`s; `rows` reads a key's group from disk."""

    def __init__(self, con: sqlite3.Connection, small: Tables) -> None:
        super().__init__(
            keys=DiskMap(con, "keys", decode=int, value="rowid"),
            term_rows=DiskMap(con, "term_rows"),
            edit_individuals=small.edit_individuals, mirnas=small.mirnas, history=small.history,
            bags=(DiskMap(con, "bags0"), DiskMap(con, "bags1")),
            initials=DiskMap(con, "initials", key_in=_pair_key, key_out=_pair_of),
            tails=DiskMap(con, "tails"), stems=DiskMap(con, "stems"))
        self._groups: DiskMap[str, tuple[tuple[str, str, int, int, int], ...]] = DiskMap(con, "keys")

    def rows(self, key: str) -> list[tuple[str, str, str, str, str]]:
        group = self._groups.get(key, ())
        return [(name, curie, TIERS[tier], TYPE_CODES[type_], RELATIONS[relation])
                for name, curie, tier, type_, relation in group]


def small_part(tables: Tables) -> Tables:
    """The fields of `tables` kept whole (a few thousand objects): pickled with the caller's meta."""
    return Tables(edit_individuals=tables.edit_individuals, mirnas=tables.mirnas, history=tables.history)


def read_tables(con: sqlite3.Connection, small: Tables) -> DiskTables:
    """The tables of an SQLite file written by `write_tables` (nothing is read until asked)."""
    return DiskTables(con, small)
