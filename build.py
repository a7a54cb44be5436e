"""Build the Salesboard site: `python build.py --help`."""
import sys

from salesboard.cli import main

if __name__ == "__main__":
    sys.exit(main())
