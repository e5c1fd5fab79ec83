from __future__ import annotations

# ---- csv_query/exceptions.py
class UnknownColumnError(Exception):
    def __init__(self, column_name: str) -> None:
        super().__init__(f"Unknown column: {column_name}")


# ---- csv_query/row.py
class Row:
    def __init__(self, values: dict[str, str]) -> None:
        self._values = dict(values)

    def get(self, column: str) -> str:
        if column not in self._values:
            raise UnknownColumnError(column)
        return self._values[column]

    @property
    def columns(self) -> list[str]:
        return list(self._values.keys())

    @property
    def values(self) -> dict[str, str]:
        return dict(self._values)

    def project(self, columns: list[str]) -> Row:
        projected = {}
        for col in columns:
            projected[col] = self.get(col)
        return Row(projected)


# ---- csv_query/csv_table.py
class CsvTable:
    def __init__(self, headers: list[str], rows: list[Row]) -> None:
        self.headers = headers
        self.rows = list(rows)

    def validate_column(self, column: str) -> None:
        if column not in self.headers:
            raise UnknownColumnError(column)


# ---- csv_query/csv_parser.py
def parse_csv(csv: str) -> CsvTable:
    lines = [line for line in csv.split("\n") if line.strip()]
    if not lines:
        return CsvTable([], [])

    headers = _parse_fields(lines[0])
    rows: list[Row] = []

    for line in lines[1:]:
        fields = _parse_fields(line)
        values: dict[str, str] = {}
        for j, header in enumerate(headers):
            values[header] = fields[j] if j < len(fields) else ""
        rows.append(Row(values))

    return CsvTable(headers, rows)


def _parse_fields(line: str) -> list[str]:
    fields: list[str] = []
    current = ""
    in_quotes = False

    for ch in line:
        if ch == '"':
            in_quotes = not in_quotes
        elif ch == "," and not in_quotes:
            fields.append(current.strip())
            current = ""
        else:
            current += ch

    fields.append(current.strip())
    return fields


# ---- csv_query/query.py
def _is_numeric(value: str) -> bool:
    try:
        float(value)
        return True
    except ValueError:
        return False


def _evaluate(cell_value: str, op: str, filter_value: str) -> bool:
    if _is_numeric(cell_value) and _is_numeric(filter_value):
        cell = float(cell_value)
        filt = float(filter_value)
        return {
            "=": cell == filt,
            "!=": cell != filt,
            ">": cell > filt,
            "<": cell < filt,
            ">=": cell >= filt,
            "<=": cell <= filt,
        }.get(op, False)

    cmp = (cell_value > filter_value) - (cell_value < filter_value)
    return {
        "=": cmp == 0,
        "!=": cmp != 0,
        ">": cmp > 0,
        "<": cmp < 0,
        ">=": cmp >= 0,
        "<=": cmp <= 0,
    }.get(op, False)


class Query:
    def __init__(self, table: CsvTable) -> None:
        self._table = table
        self._rows: list[Row] = list(table.rows)

    def select(self, *columns: str) -> Query:
        for col in columns:
            self._table.validate_column(col)
        self._rows = [row.project(list(columns)) for row in self._rows]
        return self

    def where(self, column: str, op: str, value: str) -> Query:
        self._table.validate_column(column)
        self._rows = [r for r in self._rows if _evaluate(r.get(column), op, value)]
        return self

    def order_by(self, column: str, direction: str) -> Query:
        self._table.validate_column(column)
        ascending = direction.lower() == "asc"

        def sort_key(row: Row) -> tuple[int, float | str]:
            val = row.get(column)
            if _is_numeric(val):
                return (0, float(val))
            return (1, val)

        self._rows.sort(key=sort_key, reverse=not ascending)
        return self

    def limit(self, n: int) -> Query:
        self._rows = self._rows[:n]
        return self

    def count(self) -> int:
        return len(self._rows)

    @property
    def rows(self) -> list[Row]:
        return list(self._rows)


# ---- csv_query/__init__.py
__all__ = ["parse_csv", "CsvTable", "UnknownColumnError", "Query", "Row"]
