"""Builders the tests share: workbooks, bad files and metric tables made in code."""
