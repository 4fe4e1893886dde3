"""The notebook's figures: training curves and first-layer weights, saved atomically."""

import math

import numpy as np

from jaxnet.artifacts import atomic_path


class MissingMatplotlib(ImportError):
    """Figures need the optional matplotlib dependency."""


def require():
    """Fail early, before training, if figures cannot be written."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise MissingMatplotlib("writing figures needs matplotlib: pip install -e '.[plots]'") from None


def pyplot():
    """matplotlib.pyplot on the Agg backend (files, no display)."""
    require()
    import matplotlib

    matplotlib.use("Agg")  # files only; no display needed
    import matplotlib.pyplot as plt

    return plt


def visualize_grid(images, ubound=255.0, padding=1):
    """Tile images (N, H, W, C) into one (gH, gW, C) picture, each rescaled to [0, ubound].

    The grid is ceil(sqrt(N)) tiles on a side with ``padding`` zero pixels between tiles,
    like the notebook's ``visualize_grid``.
    """
    N, H, W, C = images.shape
    side = math.ceil(math.sqrt(N))
    grid = np.zeros((H * side + padding * (side - 1), W * side + padding * (side - 1), C))
    low = images.min(axis=(1, 2, 3), keepdims=True)
    high = images.max(axis=(1, 2, 3), keepdims=True)
    scaled = ubound * (images - low) / np.where(high > low, high - low, 1.0)
    for i in range(N):
        r, c = divmod(i, side)
        y0, x0 = r * (H + padding), c * (W + padding)
        grid[y0:y0 + H, x0:x0 + W] = scaled[i]
    return grid


def save_curves(path, history):
    """The notebook's section 8 figure: loss per iteration; train/val accuracy per epoch."""
    plt = pyplot()
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 8))
    top.plot(history["loss_history"])
    top.set(title="Loss history", xlabel="Iteration", ylabel="Loss")
    bottom.plot(history["train_acc_history"], label="train")
    bottom.plot(history["val_acc_history"], label="val")
    bottom.set(title="Classification accuracy history", xlabel="Epoch",
               ylabel="Classification accuracy")
    bottom.legend()
    fig.tight_layout()
    with atomic_path(path) as tmp:
        fig.savefig(tmp)
    plt.close(fig)


def save_weights(path, W1, image_shape=(32, 32, 3), max_units=400):
    """The first-layer weights as a grid of image tiles (one per hidden unit, at most
    ``max_units``), like the notebook's ``show_net_weights``."""
    plt = pyplot()
    W1 = np.asarray(W1, dtype=np.float64)[:, :max_units]
    tiles = W1.T.reshape((-1,) + tuple(image_shape))
    fig = plt.figure(figsize=(8, 8))
    plt.imshow(visualize_grid(tiles, padding=3).astype("uint8"))
    plt.gca().axis("off")
    with atomic_path(path) as tmp:
        fig.savefig(tmp, bbox_inches="tight")
    plt.close(fig)
