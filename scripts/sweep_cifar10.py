#!/usr/bin/env python
"""Sweep hyperparameters on CIFAR-10; see ``python scripts/sweep_cifar10.py --help``."""

import sys

from jaxnet.cli.sweep_cifar10 import main

if __name__ == "__main__":
    sys.exit(main())
