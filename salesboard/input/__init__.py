"""Stage one: the input folder → validated tables, a summary per sheet, and data-quality problems.

discover lists the files; workbook reads one file's sheets as text cells; headers
and sheets recognise each sheet as a table; values convert its cells; combine joins
the sheets of each kind; cache keeps what unchanged files gave; read runs it all.
"""
