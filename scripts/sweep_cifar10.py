#!/usr/bin/env python
"""Sweep hyperparameters on CIFAR-10; see ``python scripts/sweep_cifar10.py --help``."""

import sys

from jaxnet_start import sweep_cifar10  # Ctrl-C handled before JAX is imported

if __name__ == "__main__":
    sys.exit(sweep_cifar10())
