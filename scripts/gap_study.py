#!/usr/bin/env python
"""The notebook's gap study from the command line; see ``python scripts/gap_study.py --help``."""

import sys

from jaxnet.cli.gap_study import main

if __name__ == "__main__":
    sys.exit(main())
