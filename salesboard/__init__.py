"""Salesboard: a static sales dashboard built from the team's Excel workbooks."""
