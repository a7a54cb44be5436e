"""Why a cell that calamine read as empty is empty: an Excel error value or a formula saved without its result."""
from __future__ import annotations

import io
from pathlib import Path


def describe_empty_cells(path: Path, sheet: str, cells: list[str], max_rows: int = 200_000) -> dict[str, str]:
    """Why calamine saw these cells empty: a formula saved without its result, or an
    Excel error value. Reads the sheet with openpyxl, so only for the few cells asked."""
    if not cells or path.suffix.lower() == ".csv":
        return {}
    wanted = set(cells)
    last_row = max(int("".join(ch for ch in cell if ch.isdigit())) for cell in wanted)
    try:
        data = path.read_bytes()
        formulas = _cell_kinds(data, sheet, wanted, last_row, max_rows, data_only=False)
        results = _cell_kinds(data, sheet, wanted, last_row, max_rows, data_only=True)
    except Exception:  # the file changed or is unreadable now: nothing more to say
        return {}
    found = {}
    for cell in wanted:
        if results.get(cell, (None, None))[0] == "e":
            found[cell] = f"holds the Excel error {results[cell][1]}"
        elif formulas.get(cell, (None, None))[0] == "f":
            found[cell] = (f"holds a formula without a saved result ({formulas[cell][1]}); "
                           "open the workbook in Excel and save it")
    return found


def _cell_kinds(data: bytes, sheet: str, wanted: set[str], last_row: int, max_rows: int,
                data_only: bool) -> dict[str, tuple[str, object]]:
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    try:
        worksheet = workbook[sheet]
        if (worksheet.max_row or 0) > max_rows:
            return {}
        return {cell.coordinate: (cell.data_type, cell.value)
                for row in worksheet.iter_rows(max_row=last_row) for cell in row
                if getattr(cell, "coordinate", None) in wanted}
    finally:
        workbook.close()
