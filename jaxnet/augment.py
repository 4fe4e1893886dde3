"""On-device data augmentation for rows of flattened images, driven by explicit keys.

Rows are images of shape ``image_shape`` = (height, width, channels) flattened in C order,
which is how the notebook reshapes CIFAR-10's (N, 32, 32, 3) arrays into (N, 3072).
"""

import jax
import jax.numpy as jnp


def random_flip(key, images):
    """Mirror each image left-right with probability 1/2. images: (B, H, W, C)."""
    flip = jax.random.bernoulli(key, 0.5, (images.shape[0],))
    return jnp.where(flip[:, None, None, None], images[:, :, ::-1, :], images)


def random_crop(key, images, padding):
    """Zero-pad by ``padding`` pixels on each side, then crop back at a random offset.

    Zero is the mean after centring, so the border is the average image there.
    images: (B, H, W, C) -> (B, H, W, C).
    """
    B, H, W, C = images.shape
    padded = jnp.pad(images, ((0, 0), (padding, padding), (padding, padding), (0, 0)))
    offsets = jax.random.randint(key, (B, 2), 0, 2 * padding + 1)
    crop = lambda image, o: jax.lax.dynamic_slice(image, (o[0], o[1], 0), (H, W, C))
    return jax.vmap(crop)(padded, offsets)


def augment(key, X, image_shape, flip=False, crop=0):
    """Random flips and/or padded crops of rows X: (B, D) with D = prod(image_shape)."""
    if not flip and not crop:
        return X
    flip_key, crop_key = jax.random.split(key)
    images = X.reshape((X.shape[0],) + tuple(image_shape))
    if flip:
        images = random_flip(flip_key, images)
    if crop:
        images = random_crop(crop_key, images, crop)
    return images.reshape(X.shape)


def flip_rows(X, image_shape):
    """Every row's left-right mirror image: (N, D) -> (N, D)."""
    images = X.reshape((X.shape[0],) + tuple(image_shape))
    return images[:, :, ::-1, :].reshape(X.shape)


def shift_rows(X, image_shape, dy, dx):
    """Every row's image translated by (dy, dx) pixels, zero-filled: (N, D) -> (N, D)."""
    images = X.reshape((X.shape[0],) + tuple(image_shape))
    H, W = image_shape[0], image_shape[1]
    p = max(abs(dy), abs(dx))
    padded = jnp.pad(images, ((0, 0), (p, p), (p, p), (0, 0)))
    window = padded[:, p - dy:p - dy + H, p - dx:p - dx + W, :]
    return window.reshape(X.shape)


def view_grid(shift, flip):
    """The test-time views as (dy, dx, mirrored) rows, (V, 3) int32, in ``views``'s order."""
    grid = [(dy, dx) for dy in range(-shift, shift + 1) for dx in range(-shift, shift + 1)]
    rows = [(dy, dx, 0) for dy, dx in grid] + [(dy, dx, 1) for dy, dx in grid] * flip
    return jnp.asarray(rows, jnp.int32)


def view(padded, image_shape, dy, dx, mirrored, pad):
    """One test-time view, (N, D), of images already zero-padded by ``pad`` pixels
    (N, H + 2 pad, W + 2 pad, C): translated by (dy, dx) (traced, |dy|, |dx| <= pad) and
    mirrored where ``mirrored`` (traced) is 1. ``views`` lists the same views."""
    N = padded.shape[0]
    H, W, C = image_shape
    zero = jnp.zeros((), jnp.int32)
    window = jax.lax.dynamic_slice(padded, (zero, pad - dy, pad - dx, zero), (N, H, W, C))
    window = jnp.where(mirrored == 1, window[:, :, ::-1, :], window)
    return window.reshape(N, H * W * C)


def views(X, image_shape, flip=True, shift=0):
    """The test-time views of rows X: the identity, its translations by -shift..shift pixels
    in each direction (a (2 shift + 1)^2 grid), and all their mirror images if ``flip``."""
    out = [shift_rows(X, image_shape, dy, dx)
           for dy in range(-shift, shift + 1) for dx in range(-shift, shift + 1)]
    if flip:
        out += [flip_rows(v, image_shape) for v in out]
    return out
