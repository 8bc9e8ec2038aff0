#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints an .xlsx workbook's cells as JSON, {"sheet": [[cell, ...], ...]} in sheet order, as
openpyxl (the reader of a spreadsheet program's files, not ours) reads them: numbers as numbers,
text as text, empty cells as null. Tests compare Siaran's exports with the API through it."""
import json
import sys

import openpyxl


def main():
    book = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=False)
    out = {}
    for sheet in book.worksheets:
        out[sheet.title] = [list(row) for row in sheet.iter_rows(values_only=True)]
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
