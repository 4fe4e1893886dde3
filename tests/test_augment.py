"""jaxnet.augment and the test-time views: flips, crops and shifts against NumPy's slicing,
and the view-averaged accuracy against the summed scores written out here."""

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import jaxnet
from jaxnet import augment
from tests.helpers import random_problem, to_jax


def test_random_flip_mirrors_chosen_images():
    images = jnp.arange(6 * 4 * 5 * 3, dtype=jnp.float32).reshape(6, 4, 5, 3)
    out = np.asarray(augment.random_flip(jax.random.key(0), images))
    mirrored = np.asarray(images)[:, :, ::-1, :]
    flipped = [bool(np.array_equal(o, m)) for o, m in zip(out, mirrored)]
    kept = [bool(np.array_equal(o, i)) for o, i in zip(out, np.asarray(images))]
    assert all(f != k for f, k in zip(flipped, kept)) and any(flipped) and any(kept)


def test_random_crop_is_a_window_of_the_padded_image():
    rng = np.random.default_rng(0)
    images = rng.standard_normal((16, 6, 6, 2)).astype(np.float32) + 5.0
    out = np.asarray(augment.random_crop(jax.random.key(1), jnp.asarray(images), 2))
    padded = np.pad(images, ((0, 0), (2, 2), (2, 2), (0, 0)))
    offsets = set()
    for o, p in zip(out, padded):
        matches = [(i, j) for i in range(5) for j in range(5)
                   if np.array_equal(p[i:i + 6, j:j + 6], o)]
        assert len(matches) == 1
        offsets.add(matches[0])
    assert len(offsets) > 3  # offsets really vary


def test_augment_rows_keeps_layout_and_off_is_identity():
    X = jnp.arange(4 * 12, dtype=jnp.float32).reshape(4, 12)
    assert augment.augment(jax.random.key(0), X, (2, 2, 3)) is X
    flipped_twice = augment.flip_rows(augment.flip_rows(X, (2, 2, 3)), (2, 2, 3))
    np.testing.assert_array_equal(flipped_twice, X)


def test_flip_averaged_accuracy():
    rng = np.random.default_rng(2)
    params, X, y = random_problem(rng, 30, 12, 5, 3)
    mirror = X.reshape(30, 2, 2, 3)[:, :, ::-1, :].reshape(30, 12)
    scores = lambda Z: np.maximum(0, Z @ params["W1"] + params["b1"]) @ params["W2"] + params["b2"]
    expected = np.mean(np.argmax(scores(X) + scores(mirror), 1) == y)
    assert jaxnet.accuracy(to_jax(params), X, y, flip_average=(2, 2, 3)) == pytest.approx(expected)


def test_shift_views_are_zero_filled_translations():
    rng = np.random.default_rng(3)
    images = rng.standard_normal((2, 5, 6, 3))
    X = jnp.asarray(images.reshape(2, -1))
    shifted = np.asarray(augment.shift_rows(X, (5, 6, 3), 2, -1)).reshape(images.shape)
    expected = np.zeros_like(images)
    expected[:, 2:, :5] = images[:, :3, 1:]  # down 2 rows, left 1 column
    np.testing.assert_array_equal(shifted, expected)
    views = augment.views(X, (5, 6, 3), flip=True, shift=1)
    assert len(views) == 18
    np.testing.assert_array_equal(views[4], X)  # the centre of the 3x3 grid is the identity


def test_shift_averaged_accuracy():
    rng = np.random.default_rng(6)
    params, X, y = random_problem(rng, 40, 27, 6, 3)  # 3x3x3 images
    image = X.reshape(40, 3, 3, 3)
    scores = lambda Z: np.maximum(0, Z.reshape(40, -1) @ params["W1"] + params["b1"]) @ params["W2"] + params["b2"]
    total = 0
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            moved = np.zeros_like(image)
            moved[:, max(dy, 0):3 + min(dy, 0), max(dx, 0):3 + min(dx, 0)] = \
                image[:, max(-dy, 0):3 + min(-dy, 0), max(-dx, 0):3 + min(-dx, 0)]
            total = total + scores(moved) + scores(moved[:, :, ::-1])
    expected = np.mean(np.argmax(total, 1) == y)
    got = jaxnet.accuracy(to_jax(params), X, y, flip_average=(3, 3, 3), shift_average=1)
    assert got == pytest.approx(expected)
    with pytest.raises(ValueError, match="image shape"):
        jaxnet.accuracy(to_jax(params), X, y, shift_average=1)


@pytest.mark.parametrize("shift, flip", [(0, True), (1, False), (2, True)])
def test_the_scanned_views_are_the_listed_views_in_order(shift, flip):
    """``view`` over ``view_grid`` (what the view-averaged accuracy scans) gives ``views``'s
    list, view for view: the translations row by row, then their mirror images."""
    rng = np.random.default_rng(4)
    shape = (5, 6, 2)
    X = jnp.asarray(rng.standard_normal((3, 60)))
    padded = jnp.pad(X.reshape(3, *shape), ((0, 0), (shift, shift), (shift, shift), (0, 0)))
    grid = np.asarray(augment.view_grid(shift, flip))
    listed = augment.views(X, shape, flip=flip, shift=shift)
    assert grid.shape == (len(listed), 3) and grid.dtype == np.int32
    for (dy, dx, mirrored), expected in zip(grid, listed):
        got = augment.view(padded, shape, jnp.int32(dy), jnp.int32(dx), jnp.int32(mirrored), shift)
        np.testing.assert_array_equal(got, expected)


def test_views_by_default_are_the_image_and_its_mirror():
    """views(X, shape): flips on and no shift unless asked, as its signature says."""
    X = jnp.arange(3 * 12, dtype=jnp.float32).reshape(3, 12)
    mirror = np.asarray(X).reshape(3, 2, 2, 3)[:, :, ::-1, :].reshape(3, 12)
    default = augment.views(X, (2, 2, 3))
    assert len(default) == 2
    np.testing.assert_array_equal(default[0], X)
    np.testing.assert_array_equal(default[1], mirror)


@pytest.mark.parametrize("options", [dict(flip=True), dict(crop=1)], ids=["flip", "crop"])
def test_flips_alone_and_crops_alone_each_augment(options):
    """augment with only one of flip and crop still changes some rows, and keeps others or
    moves them only as that augmentation can (a mirror, or a window of the padded image)."""
    rng = np.random.default_rng(4)
    images = rng.standard_normal((16, 3, 3, 2)) + 5.0
    X = jnp.asarray(images.reshape(16, -1))
    out = np.asarray(augment.augment(jax.random.key(2), X, (3, 3, 2), **options)).reshape(images.shape)
    changed = [not np.array_equal(o, i) for o, i in zip(out, images)]
    assert any(changed)
    if "flip" in options:
        assert all(np.array_equal(o, i[:, ::-1]) for o, i, c in zip(out, images, changed) if c)
    else:
        padded = np.pad(images, ((0, 0), (1, 1), (1, 1), (0, 0)))
        assert all(any(np.array_equal(o, p[a:a + 3, b:b + 3]) for a in range(3) for b in range(3))
                   for o, p in zip(out, padded))
