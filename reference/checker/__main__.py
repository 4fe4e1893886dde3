import sys

from reference.checker.cli import main

sys.exit(main())
