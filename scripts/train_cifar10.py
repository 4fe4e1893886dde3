#!/usr/bin/env python
"""Train on CIFAR-10 from the command line; see ``python scripts/train_cifar10.py --help``."""

import sys

from jaxnet_start import train_cifar10  # Ctrl-C handled before JAX is imported

if __name__ == "__main__":
    sys.exit(train_cifar10())
