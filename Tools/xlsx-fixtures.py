#!/usr/bin/env python3
"""Makes the workbook fixtures in Tests/Fixtures/xlsx with LibreOffice (Debian's, headless).

Each workbook is described here as a flat OpenDocument spreadsheet (.fods: CJK sheet names,
a merged title row, a header cell merged over two columns, date cells, an empty row, a team
merged down several rows) and converted by `soffice --headless --convert-to xlsx`, so the
.xlsx files are what a real spreadsheet program writes. The fixtures are committed; run this
again only to change them:  python3 Tools/xlsx-fixtures.py
"""
import os
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "Tests", "Fixtures", "xlsx")

HEADER = ["编号", "姓名", "推荐人", "责任人", "团队", "加入日期", "状态", "备注"]
PEOPLE = [
    ["M001", "王芳", "", "", "T1", "2025-01-15", "在职", "创始人"],
    ["M002", "李娜", "M001", "M001", "T1", "2025-03-01", "在职", ""],
    None,  # an empty row
    ["M003", " 张伟", "M002", "M002", "", "2026-06-20", "新人", "leading space kept"],
    ["M004", "Bob Chen", "M002", "", "", "2026-06-25", "", "=1+1"],
    [4005, "刘洋", "M001", "M002", "T2", "1999-12-31", "离职", ""],
]


def cell(value, date=False, span=1, style=None):
    if value is None or value == "":
        return "<table:table-cell/>"
    attributes = ""
    if span > 1:
        attributes += f' table:number-columns-spanned="{span}" table:number-rows-spanned="1"'
    if date:
        return (f'<table:table-cell table:style-name="date"{attributes} office:value-type="date" '
                f'office:date-value="{value}"><text:p>{value}</text:p></table:table-cell>')
    if isinstance(value, int):
        return (f'<table:table-cell{attributes} office:value-type="float" office:value="{value}">'
                f'<text:p>{value}</text:p></table:table-cell>')
    return f'<table:table-cell{attributes} office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'


def team_cell(rows, r):
    """The team column: T1 merged down the first two people (and the empty row between)."""
    if r == 0:
        return '<table:table-cell table:number-rows-spanned="3" office:value-type="string"><text:p>T1</text:p></table:table-cell>'
    if r in (1, 2):
        return "<table:covered-table-cell/>"
    return cell(rows[r][4])


def sheet(name, rows, title):
    out = [f'<table:table table:name="{escape(name)}">', '<table:table-column table:number-columns-repeated="10"/>']
    out.append("<table:table-row>" + cell(title, span=len(HEADER)) + "<table:covered-table-cell/>" * (len(HEADER) - 1) + "</table:table-row>")
    # The 备注 header is merged over two columns (the second one stays empty below).
    header = "".join(cell(h) for h in HEADER[:-1]) + cell(HEADER[-1], span=2) + "<table:covered-table-cell/>"
    out.append("<table:table-row>" + header + "</table:table-row>")
    for r, row in enumerate(rows):
        if row is None:
            out.append("<table:table-row><table:table-cell/>" + team_cell(rows, r) + "</table:table-row>" if False else
                       "<table:table-row>" + "<table:table-cell/>" * 4 + team_cell(rows, r) + "</table:table-row>")
            continue
        cells = [cell(row[0]), cell(row[1]), cell(row[2]), cell(row[3]), team_cell(rows, r), cell(row[5], date=row[5][:1].isdigit()),
                 cell(row[6]), cell(row[7])]
        out.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
    out.append("</table:table>")
    return "\n".join(out)


def document(null_date, sheets):
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:date-style style:name="iso"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
 <style:style style:name="date" style:family="table-cell" style:data-style-name="iso"/>
</office:automatic-styles>
<office:body><office:spreadsheet>
<table:calculation-settings><table:null-date table:date-value="{null_date}"/></table:calculation-settings>
{"".join(sheets)}
</office:spreadsheet></office:body></office:document>
'''


WORKBOOKS = {
    # The members on the first sheet, named in Chinese; a second sheet after it.
    "members-1900.xlsx": document("1899-12-30", [
        sheet("成员", PEOPLE, "成员名单 2026"),
        '<table:table table:name="说明"><table:table-row>' + cell("只读第一张表") + "</table:table-row></table:table>",
    ]),
    # The same members in the 1904 date system (serials 1462 lower), on a sheet chosen by name.
    "members-1904.xlsx": document("1904-01-01", [
        '<table:table table:name="封面"><table:table-row>' + cell("封面") + "</table:table-row></table:table>",
        sheet("成员", PEOPLE, "成员名单 2026"),
    ]),
    # Mistakes to be reported by sheet and cell: a sponsor nobody has (C4), a date that is none (F5).
    "members-bad.xlsx": document("1899-12-30", [
        sheet("成员", [
            ["M001", "王芳", "", "", "T1", "2025-01-15", "在职", ""],
            ["M002", "李娜", "M999", "M001", "T1", "2025-03-01", "在职", ""],
            None,
            ["M003", "张伟", "M001", "M001", "", "soon", "新人", ""],
        ], "成员名单"),
    ]),
}


def inline_strings(source, target):
    """Rewrites a workbook's shared-string cells as inline strings (<c t="inlineStr"><is><t>),
    the form other programs (and Excel for some exports) write."""
    import re
    import zipfile
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    strings = [re.sub(r"<[^>]+>", "", si) for si in
               re.findall(r"<si>(.*?)</si>", parts["xl/sharedStrings.xml"].decode("utf-8"), re.S)]
    for name in [n for n in parts if n.startswith("xl/worksheets/")]:
        text = parts[name].decode("utf-8")
        text = re.sub(r'<c r="([A-Z]+\d+)"([^>]*?) t="s"><v>(\d+)</v></c>',
                      lambda m: f'<c r="{m.group(1)}"{m.group(2)} t="inlineStr"><is><t xml:space="preserve">'
                                f'{strings[int(m.group(3))]}</t></is></c>', text)
        parts[name] = text.encode("utf-8")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def main():
    if not shutil.which("soffice"):
        sys.exit("xlsx-fixtures: soffice is missing (apt-get install libreoffice-calc)")
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        for name, text in WORKBOOKS.items():
            source = os.path.join(work, name.replace(".xlsx", ".fods"))
            with open(source, "w", encoding="utf-8") as f:
                f.write(text)
            subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless", "--convert-to",
                            "xlsx:Calc MS Excel 2007 XML", "--outdir", work, source], check=True,
                           stdout=subprocess.DEVNULL)
            shutil.copy(os.path.join(work, name), os.path.join(OUT, name))
            print("made", os.path.relpath(os.path.join(OUT, name), ROOT))
        inline_strings(os.path.join(OUT, "members-1900.xlsx"), os.path.join(OUT, "members-inline.xlsx"))
        print("made", os.path.relpath(os.path.join(OUT, "members-inline.xlsx"), ROOT))


if __name__ == "__main__":
    main()
