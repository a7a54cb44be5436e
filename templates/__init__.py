"""The page templates and assets shipped with Salesboard; a templates/ folder in the working directory overrides them."""
