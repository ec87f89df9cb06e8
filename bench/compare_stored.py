"""Compare the stored aggregates (every agg_* table and map_shapes) of two database files.

`python -m bench.compare_stored A.duckdb B.duckdb`: per table the row counts and the rows that
differ exactly (as multisets of rows, leaving out agg_runs' computing time). Where rows differ,
they are matched on every column that is no floating-point number and no position, and the
numbers compared with a tolerance of 1e-9 (relative, absolute below 1): the database sums in parallel, so two loads
of the same code may differ in the last bits (and so in the order of nearly equal residuals).
Exit status 1 when a table differs beyond that. Read-only: both files are opened read-only.
"""

from __future__ import annotations

import sys

import duckdb

SKIP = {"agg_runs": {"computed_at"}}  # when it was computed: differs between any two loads


def tables(con) -> list[str]:
    return [name for (name,) in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_catalog = 'a' "
        "AND (table_name LIKE 'agg\\_%' ESCAPE '\\' OR table_name = 'map_shapes') "
        "ORDER BY table_name").fetchall()]


TOLERANCE = 1e-9


def columns(con, table: str) -> list[tuple[str, str]]:
    return [(c, t) for (c, t) in con.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_catalog = 'a' "
        "AND table_name = ? ORDER BY ordinal_position", [table]).fetchall()
        if c not in SKIP.get(table, set())]


def differences(con, table: str) -> tuple[int, int, int, int]:
    """(rows in a, rows in b, rows of a not in b, rows of b not in a), as multisets."""
    columns_ = [c for c, _ in columns(con, table)]
    listed = ", ".join(f'"{c}"' for c in columns_)
    count_a = con.execute(f"SELECT count(*) FROM a.{table}").fetchone()[0]  # noqa: S608
    count_b = con.execute(f"SELECT count(*) FROM b.{table}").fetchone()[0]  # noqa: S608
    only_a = con.execute(f"SELECT count(*) FROM (SELECT {listed} FROM a.{table} EXCEPT ALL "  # noqa: S608
                         f"SELECT {listed} FROM b.{table})").fetchone()[0]
    only_b = con.execute(f"SELECT count(*) FROM (SELECT {listed} FROM b.{table} EXCEPT ALL "  # noqa: S608
                         f"SELECT {listed} FROM a.{table})").fetchone()[0]
    return count_a, count_b, only_a, only_b


def near(con, table: str) -> tuple[int, int, int]:
    """Rows matched on their other columns: (unmatched rows, rows whose numbers differ by more
    than the tolerance, rows whose position differs)."""
    typed = columns(con, table)
    keys = [c for c, t in typed if t != "DOUBLE" and c != "position"]
    numbers = [c for c, t in typed if t == "DOUBLE"]
    on = " AND ".join(f'x."{c}" IS NOT DISTINCT FROM y."{c}"' for c in keys)
    far = " OR ".join(
        f'NOT (x."{c}" IS NOT DISTINCT FROM y."{c}" OR abs(x."{c}" - y."{c}") '
        f'<= {TOLERANCE} * greatest(abs(x."{c}"), abs(y."{c}"), 1))' for c in numbers
    ) or "false"
    moved = 'x."position" <> y."position"' if "position" in dict(typed) else "false"
    unmatched, apart, shifted = con.execute(
        f"SELECT count(*) FILTER (WHERE x.k IS NULL OR y.k IS NULL), "  # noqa: S608
        f"count(*) FILTER (WHERE x.k IS NOT NULL AND y.k IS NOT NULL AND ({far})), "
        f"count(*) FILTER (WHERE x.k IS NOT NULL AND y.k IS NOT NULL AND {moved}) "
        f"FROM (SELECT *, true AS k FROM a.{table}) x "
        f"FULL JOIN (SELECT *, true AS k FROM b.{table}) y ON {on}").fetchone()
    return unmatched, apart, shifted


def main(a: str, b: str) -> int:
    con = duckdb.connect()
    con.execute(f"ATTACH '{a}' AS a (READ_ONLY)")
    con.execute(f"ATTACH '{b}' AS b (READ_ONLY)")
    same = True
    for table in tables(con):
        count_a, count_b, only_a, only_b = differences(con, table)
        if count_a == count_b and only_a == only_b == 0:
            verdict = "gelijk"
        else:
            unmatched, apart, shifted = near(con, table)
            close = count_a == count_b and unmatched == 0 and apart == 0
            same &= close
            verdict = (f"{only_a} rijen verschillen exact; " + (
                f"binnen {TOLERANCE:g} gelijk, {shifted} op een andere plaats" if close else
                f"VERSCHIL: {unmatched} zonder paar, {apart} buiten {TOLERANCE:g}"))
        print(f"{table:22s} {count_a:>10,} {count_b:>10,}  {verdict}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
