"""Command-line programs (also installed as console commands); ``scripts/`` call these."""
