#!/usr/bin/env python
"""Train on CIFAR-10 from the command line; see ``python scripts/train_cifar10.py --help``."""

import sys

from jaxnet.cli.train_cifar10 import main

if __name__ == "__main__":
    sys.exit(main())
