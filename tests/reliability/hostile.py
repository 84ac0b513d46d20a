"""Hostile workbooks, generated: what an attacker or a broken tool hands the imports.

``generate(folder, count, rng)`` writes ``count`` files of many kinds: formulas (a live
``=HYPERLINK`` in a name cell), error values, control characters, malformed XML, zip bombs,
too many files in the zip, a million rows (with and without a truthful dimension), a cell at
the last row of a sheet, dates beyond Python's range, numbers in date cells, a column far to
the right, entity expansion, non-zip files, and random byte flips of good workbooks; some are
good workbooks, so the imports' success path runs too.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

CONTACT_HEADER = ["姓名", "单位", "职务", "手机", "办公电话", "类别", "备注"]
ROSTER_HEADER = ["日期", "星期", "带班领导", "领导职务", "领导手机", "值班员", "值班员手机",
                 "值班电话", "备注"]
NAMES = ["赵德明", "吴晓东", "郑丽华", "张三", "李四", "Ω", "王" * 60, "", " ", "=1+1", "@SUM(A1)",
         "+86 138", "-5", "\t王五\n"]
FORMULAS = ['=HYPERLINK("http://example.invalid/x","点此核对")', "=1+1", "=SUM(A1:A3)",
            '=cmd|"/c calc"!A1', "=NOW()"]

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '</Types>')
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    '</Relationships>')
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '</Relationships>')
_SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')


def _raw(path: Path, sheet: str | bytes, extra: dict[str, str | bytes] | None = None) -> None:
    """An .xlsx written by hand: the smallest package openpyxl opens, with ``sheet`` as its
    worksheet XML."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        for name, data in (extra or {}).items():
            z.writestr(name, data)


def _inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _rows_xml(rows: list[list[str]]) -> str:
    cols = "ABCDEFGHIJ"
    out = []
    for r, values in enumerate(rows, start=1):
        cells = "".join(_inline(f"{cols[c]}{r}", v) for c, v in enumerate(values))
        out.append(f'<row r="{r}">{cells}</row>')
    return "".join(out)


def _good_contacts(rng: random.Random, rows: int = 5) -> list[list[object]]:
    return [CONTACT_HEADER] + [[rng.choice(NAMES[:5]) + str(rng.randint(1, 99)), "城关镇",
                                "干部", f"139{rng.randint(10**7, 10**8 - 1)}", "", "", ""]
                               for _ in range(rows)]


def _good_roster(rng: random.Random, rows: int = 5) -> list[list[object]]:
    import datetime as dt

    start = dt.date(2026, 10, 1)
    return [["某局值班安排表"], ROSTER_HEADER] + [
        [start + dt.timedelta(days=i), "", "赵德明", "局长", "13900000001", "吴晓东",
         "13800000011", "0576-1", ""] for i in range(rows)]


def _openpyxl(path: Path, rows: list[list[object]], tweak: Callable[[Workbook], None] | None = None) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for row in rows:
        ws.append(row)
    if tweak:
        tweak(wb)
    wb.save(path)


# --- the kinds -----------------------------------------------------------------------------
def formula(path: Path, rng: random.Random) -> None:
    rows = _good_contacts(rng) if rng.random() < 0.5 else _good_roster(rng)
    r = rng.randrange(1 if len(rows[0]) == len(CONTACT_HEADER) else 2, len(rows))
    rows[r][rng.randrange(len(rows[r]))] = rng.choice(FORMULAS)
    _openpyxl(path, rows)


def error_value(path: Path, rng: random.Random) -> None:
    rows = _rows_xml([CONTACT_HEADER, ["张三", "城关镇"]])
    err = rng.choice(["#REF!", "#N/A", "#DIV/0!", "#VALUE!"])
    rows = rows.replace("</row></sheetData>", "")
    _raw(path, f'{_SHEET_HEAD}<sheetData>{rows}<row r="3"><c r="A3" t="e"><v>{err}</v></c>'
               f'{_inline("B3", "城关镇")}</row></sheetData></worksheet>')


def control_chars(path: Path, rng: random.Random) -> None:
    char = rng.choice(["_x0001_", "_x0007_", "_x001B_", "_x000B_"])
    rows = _rows_xml([CONTACT_HEADER, [f"张{char}三", "城关镇"], ROSTER_HEADER[:3],
                      ["2026-10-01", "", f"赵{char}德明"]])
    _raw(path, f"{_SHEET_HEAD}<sheetData>{rows}</sheetData></worksheet>")


def malformed_xml(path: Path, rng: random.Random) -> None:
    sheet = f"{_SHEET_HEAD}<sheetData>{_rows_xml([CONTACT_HEADER, ['张三', '城关镇']])}</sheetData></worksheet>"
    how = rng.randrange(5)
    if how == 0:
        sheet = sheet[: rng.randrange(40, len(sheet) - 1)]
    elif how == 1:
        at = rng.randrange(40, len(sheet))
        sheet = sheet[:at] + rng.choice(["<<", "</c>", "&", "<row r='x'>", "\x00"]) + sheet[at:]
    elif how == 2:
        sheet = sheet.replace("</row>", "", 1)
    elif how == 3:
        sheet = sheet.replace('r="A2"', 'r="!!"')
    else:
        sheet = sheet.replace("<sheetData>", "<sheetData><row r='-5'><c r='A-5'><v>x</v></c></row>")
    _raw(path, sheet)


def zip_bomb(path: Path, rng: random.Random) -> None:
    """A workbook whose sheet unpacks to a third of a gigabyte (a few hundred kilobytes packed)."""
    size = 300 * 1024 * 1024
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(_SHEET_HEAD.encode() + b"<sheetData>")
            chunk = b" " * (1024 * 1024)
            for _ in range(size // len(chunk)):
                fh.write(chunk)
            fh.write(b"</sheetData></worksheet>")


def many_members(path: Path, rng: random.Random) -> None:
    _raw(path, f"{_SHEET_HEAD}<sheetData/></worksheet>",
         {f"xl/media/junk{i}.bin": b"" for i in range(10_050)})


def million_rows(path: Path, rng: random.Random, *, truthful: bool) -> None:
    dimension = '<dimension ref="A1:B1000000"/>' if truthful else '<dimension ref="A1:B2"/>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write((_SHEET_HEAD + dimension + "<sheetData>").encode())
            fh.write(f'<row r="1">{_inline("A1", "姓名")}{_inline("B1", "单位")}</row>'.encode())
            buf = io.StringIO()
            for r in range(2, 1_000_001):
                buf.write(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>')
                if r % 50_000 == 0:
                    fh.write(buf.getvalue().encode())
                    buf = io.StringIO()
            fh.write(buf.getvalue().encode())
            fh.write(b"</sheetData></worksheet>")


def last_row(path: Path, rng: random.Random) -> None:
    rows = _rows_xml([CONTACT_HEADER])
    _raw(path, f'{_SHEET_HEAD}<sheetData>{rows}<row r="1048576">{_inline("A1048576", "张三")}'
               f'{_inline("B1048576", "城关镇")}</row></sheetData></worksheet>')


def far_column(path: Path, rng: random.Random) -> None:
    rows = _rows_xml([CONTACT_HEADER, ["张三", "城关镇"]])
    _raw(path, f'{_SHEET_HEAD}<sheetData>{rows}<row r="3">{_inline("XFD3", "远处")}</row>'
               f'</sheetData></worksheet>')


def date_out_of_range(path: Path, rng: random.Random) -> None:
    value = rng.choice([3_000_000, 1e12, -5, 2_958_466, 12345.6, 45000.5])
    rows = _good_roster(rng, 2) if rng.random() < 0.6 else _good_contacts(rng, 2)

    def tweak(wb: Workbook) -> None:
        ws = wb.active
        assert ws is not None
        cell = ws.cell(row=ws.max_row, column=1, value=value)
        cell.number_format = "yyyy-mm-dd"

    _openpyxl(path, rows, tweak)


def entity_expansion(path: Path, rng: random.Random) -> None:
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                        for i in range(1, 10))
              + ']>')
    sheet = laughs + ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c>'
                      '</row></sheetData></worksheet>')
    _raw(path, sheet)


def not_a_workbook(path: Path, rng: random.Random) -> None:
    kind = rng.randrange(5)
    if kind == 0:
        path.write_bytes(b"")
    elif kind == 1:
        path.write_bytes(bytes(rng.randrange(256) for _ in range(rng.randrange(1, 4096))))
    elif kind == 2:
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000)  # an old .xls
    elif kind == 3:
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("hello.txt", "not a workbook")
    else:
        path.write_text("姓名,单位\n张三,城关镇\n", encoding="utf-8")  # a CSV named .xlsx


def flipped(path: Path, rng: random.Random) -> None:
    """A good workbook with a few bytes changed at random (a damaged download)."""
    buf = io.BytesIO()
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for row in (_good_contacts(rng) if rng.random() < 0.5 else _good_roster(rng)):
        ws.append(row)
    wb.save(buf)
    data = bytearray(buf.getvalue())
    for _ in range(rng.randint(1, 6)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    path.write_bytes(bytes(data))


def good(path: Path, rng: random.Random) -> None:
    _openpyxl(path, _good_contacts(rng, rng.randint(1, 8)) if rng.random() < 0.5
              else _good_roster(rng, rng.randint(1, 8)))


def odd_values(path: Path, rng: random.Random) -> None:
    """Plausible workbooks with odd values: numbers, booleans, long text, odd names."""
    rows: list[list[object]] = [CONTACT_HEADER if rng.random() < 0.5 else ROSTER_HEADER]
    for _ in range(rng.randint(1, 6)):
        rows.append([rng.choice([*NAMES, 12345.6, True, None, -1, 10**20, "x" * 5000])
                     for _ in range(len(rows[0]))])
    _openpyxl(path, rows)


# --- the mix -------------------------------------------------------------------------------
ONCE: list[tuple[str, Callable[[Path, random.Random], None]]] = [
    ("zip-bomb", zip_bomb),
    ("many-members", many_members),
    ("million-rows", lambda p, r: million_rows(p, r, truthful=True)),
    ("million-rows-lying-dimension", lambda p, r: million_rows(p, r, truthful=False)),
    ("last-row", last_row),
    ("entity-expansion", entity_expansion),
]
REPEATED: list[tuple[str, Callable[[Path, random.Random], None], int]] = [
    ("formula", formula, 30), ("error-value", error_value, 8), ("control-chars", control_chars, 12),
    ("malformed-xml", malformed_xml, 30), ("far-column", far_column, 4),
    ("date-out-of-range", date_out_of_range, 16), ("not-a-workbook", not_a_workbook, 20),
    ("flipped", flipped, 40), ("good", good, 14), ("odd-values", odd_values, 20),
]


def generate(folder: Path, rng: random.Random) -> list[tuple[str, Path]]:
    """Every hostile file, by kind (200 in all)."""
    folder.mkdir(parents=True, exist_ok=True)
    made: list[tuple[str, Path]] = []
    plan = [(kind, make) for kind, make in ONCE]
    plan += [(kind, make) for kind, make, times in REPEATED for _ in range(times)]
    for i, (kind, make) in enumerate(plan):
        path = folder / f"{i:03d}-{kind}.xlsx"
        make(path, rng)
        made.append((kind, path))
    return made
