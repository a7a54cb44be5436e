"""Demo workbooks: a fictional German SME's sales data up to Friday 2026-11-27.

`python -m salesboard.demo [FOLDER]` writes the address list, one order workbook
per year, the contact log, a spring mailing and the list of offers into FOLDER (default `input/`).
Everything comes from one seeded plan per address, so the workbooks agree with
each other and a rerun gives the same files. They contain what real workbooks
contain: a title row above a header, dates and amounts typed as text, line
items, cancelled orders, credit notes, customers missing from the address list,
overdue follow-ups and an activity type nobody mapped ("Messegespräch").
"""

from salesboard.demo.vocabulary import AS_OF, FIRST_NAMES, LEGAL_FORMS, OWNERS, PRODUCTS, SOURCES, SURNAMES, TRADES
from salesboard.demo.workbooks import main, write_demo_workbooks

__all__ = ["AS_OF", "FIRST_NAMES", "LEGAL_FORMS", "OWNERS", "PRODUCTS", "SOURCES", "SURNAMES", "TRADES", "main",
           "write_demo_workbooks"]
