#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the contact workbooks the .xlsx import is tested with, as two writers other than Siaran
make them, into the directory given: openpyxl.xlsx (inline strings), openpyxl-iso.xlsx (the same
with dates as ISO 8601 date cells, t="d") and xlsxwriter.xlsx (shared strings), a birth date in each
as a date cell (a serial number, or the ISO cell) and one as text, each with the
sheet "Kader" first and "Posyandu" second, and phone column cells stored as numbers in each (628123456789, and 628123000000 which Excel shows as 6.28123E+11)."""
import datetime
import sys
from pathlib import Path

HEADER = ["Nama", "No HP", "Desa", "Tanggal Lahir", "RT"]
KADER = [
    ["Siti Aminah", "0812-3456-7001", "Cibodas", datetime.date(1985, 8, 17), 3],
    ["Euis Kurniasih", "0813 2100 7002", "Cibodas", "02/03/1979", None],
]
POSYANDU = [["Neneng Rahmawati", "+62 852 1000 7003", "Jayagiri", None, None]]
AS_NUMBERS = [["Dedi", 628123456789, "Cibodas", None, None], ["Tati", 628123000000, "Cibodas", None, None]]


def with_openpyxl(path, iso_dates=False):
    import openpyxl

    book = openpyxl.Workbook(iso_dates=iso_dates)
    kader = book.active
    kader.title = "Kader"
    for row in [HEADER] + KADER + AS_NUMBERS:
        kader.append(row)
    posyandu = book.create_sheet("Posyandu")
    for row in [HEADER] + POSYANDU:
        posyandu.append(row)
    book.save(path)


def with_xlsxwriter(path):
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    dates = book.add_format({"num_format": "dd-mm-yyyy"})
    for name, rows in (("Kader", [HEADER] + KADER + AS_NUMBERS), ("Posyandu", [HEADER] + POSYANDU)):
        sheet = book.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, datetime.date):
                    sheet.write_datetime(r, c, datetime.datetime.combine(value, datetime.time()), dates)
                elif value is not None:
                    sheet.write(r, c, value)
    book.close()


def main():
    out = Path(sys.argv[1])
    with_openpyxl(out / "openpyxl.xlsx")
    with_openpyxl(out / "openpyxl-iso.xlsx", iso_dates=True)
    with_xlsxwriter(out / "xlsxwriter.xlsx")


if __name__ == "__main__":
    main()
