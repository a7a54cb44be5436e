import sys

from salesboard.cli import main

sys.exit(main())
