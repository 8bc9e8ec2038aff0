#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints a spreadsheet file's cells as JSON, {"sheet": [[cell, ...], ...]} in sheet order, as
programs other than Siaran read them: an .xlsx workbook with openpyxl (numbers as numbers, text
as text, empty cells as null), a .csv file with Python's csv module (one sheet, "csv", every cell
text). Tests compare Siaran's exports with the API through it."""
import csv
import json
import sys


def workbook_cells(path):
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}


def csv_cells(path):
    with open(path, newline="", encoding="utf-8") as f:
        return {"csv": list(csv.reader(f))}


def main():
    path = sys.argv[1]
    cells = csv_cells(path) if path.endswith(".csv") else workbook_cells(path)
    json.dump(cells, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
