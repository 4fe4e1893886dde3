"""Named training configurations for ``train_cifar10 --preset NAME``.

Each preset is a dict of the training script's flags (their argparse names); flags given
on the command line override it. Hyperparameters were chosen on the validation split only.
"""

PRESETS = {
    # The notebook's section 7 run (the script's defaults).
    "notebook": {},
    # The notebook's best sweep config: hidden 100, lr 1e-3, reg 0.2, 5000 x 500.
    "tuned": dict(hidden_size=100, learning_rate=1e-3, reg=0.2, num_iters=5000, batch_size=500),
}


def names():
    return sorted(PRESETS)
