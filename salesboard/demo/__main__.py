import sys

from salesboard.demo import main

sys.exit(main())
