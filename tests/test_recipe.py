"""A run with every option beyond the notebook (jaxnet.Recipe's and Config's): the same bits
from the same seed, another seed other bits, and a sweep of it equal to the run."""

import time

import jax
import numpy as np
import pytest

import jaxnet



class Checked(Exception):
    """Raised by ``raise_host_bytes`` with the host bytes the memory check was given."""


def raise_host_bytes(need, host, *args):
    """A stand-in for ``checks.check_fits`` that stops the run with its host bytes."""
    raise Checked(host)


@pytest.mark.slow
def test_full_recipe_is_reproducible_and_sweepable():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((64, 48)).astype(np.float32)
    y = rng.integers(0, 3, 64)
    options = dict(optimizer="nesterov", schedule="cosine", warmup_epochs=1, sampling="epoch",
                   flip=True, crop=1, image_shape=(4, 4, 3), num_iters=24, batch_size=8)
    hp = dict(learning_rate=0.05, weight_decay=1e-3, dropout=0.2, label_smoothing=0.1, mixup=0.2)
    init_key, train_key = jaxnet.seed_keys(5)
    params = jaxnet.init_params(init_key, 48, 16, 3, std="he")
    a = jaxnet.train(params, X, y, X, y, key=train_key, **options, **hp)
    b = jaxnet.train(params, X, y, X, y, key=train_key, **options, **hp)
    for k in a[0]:  # same seed, same bits
        np.testing.assert_array_equal(a[0][k], b[0][k])
    [swept] = jaxnet.sweep(X, y, X, y, [dict(hidden_size=16, seed=5, **hp)], num_classes=3,
                           std="he", **options)
    for k in a[0]:
        np.testing.assert_allclose(swept["params"][k], a[0][k], rtol=1e-5, atol=1e-6)
    other = jaxnet.train(params, X, y, X, y, key=jax.random.key(99), **options, **hp)
    assert not np.array_equal(other[0]["W1"], a[0]["W1"])


def tiny_splits():
    """24 training rows of 4x4x3 images (8 of them the validation split), 3 classes."""
    rng = np.random.default_rng(1)
    X = rng.standard_normal((24, 48)).astype(np.float32)
    y = rng.integers(0, 3, 24)
    return {"X_train": X, "y_train": y, "X_val": X[:8], "y_val": y[:8]}


def test_fit_refuses_anything_but_a_recipe():
    with pytest.raises(TypeError, match="fit needs a jaxnet.Recipe, got dict"):
        jaxnet.fit({"hidden_size": 5}, tiny_splits())


@pytest.mark.slow
def test_fit_draws_its_progress_bar_only_when_asked(capsys):
    """No bar by default; with progress=True a tqdm bar named "train" over the run's updates; a
    callable is called with the updates done."""
    recipe = jaxnet.Recipe.of(hidden_size=5, num_iters=6, batch_size=4)
    jaxnet.fit(recipe, tiny_splits(), image_shape=(4, 4, 3), num_classes=3)
    assert "train:" not in capsys.readouterr().err
    jaxnet.fit(recipe, tiny_splits(), image_shape=(4, 4, 3), num_classes=3, progress=True)
    err = capsys.readouterr().err
    assert "train:" in err and "0/6" in err
    seen = []
    jaxnet.fit(recipe, tiny_splits(), image_shape=(4, 4, 3), num_classes=3,
               progress=lambda done, loss: seen.append(done))
    assert seen and seen[-1] == 6 and "train:" not in capsys.readouterr().err


@pytest.mark.slow
def test_fit_in_pieces_and_from_a_state_equals_the_whole_fit():
    """every/on_piece: on_piece sees the state after each piece of ``every`` updates; the run in
    pieces, and one continued from a piece's state, end with the whole run's bits; train_time_s
    is the training's wall time (positive, under the test's own)."""
    recipe = jaxnet.Recipe.of(hidden_size=5, num_iters=6, batch_size=4)
    fit = lambda **kw: jaxnet.fit(recipe, tiny_splits(), image_shape=(4, 4, 3), num_classes=3, **kw)  # noqa: E731
    start = time.perf_counter()
    whole = fit()
    assert 0 < whole.metrics["train_time_s"] < time.perf_counter() - start
    seen = []
    pieces = fit(every=2, on_piece=seen.append)
    assert [s.iteration for s in seen] == [2, 4, 6]
    continued = fit(state=seen[0])
    for k in whole.params:
        np.testing.assert_array_equal(pieces.params[k], whole.params[k])
        np.testing.assert_array_equal(continued.params[k], whole.params[k])
    np.testing.assert_array_equal(continued.history["loss_history"], whole.history["loss_history"])


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["mean", "channel"])
def test_fit_scores_val_and_test_and_reports_its_run(kind):
    """fit's metrics: val and test accuracy of the trained params on the splits preprocessed as
    the recipe says (here computed apart: as given, or standardised per colour channel with the
    training rows' statistics), the test rows counted, the run's length, seed and time; on_trained
    sees the params, history and preprocessing fit returns. Without a test split: no test score."""
    rng = np.random.default_rng(2)
    splits = dict(tiny_splits(), X_test=rng.standard_normal((12, 48)).astype(np.float32) + 1,
                  y_test=rng.integers(0, 3, 12))
    recipe = jaxnet.Recipe.of(hidden_size=5, num_iters=6, batch_size=4, seed=3, preprocess=kind)
    seen = []
    fit = jaxnet.fit(recipe, splits, image_shape=(4, 4, 3), num_classes=3,
                     on_trained=lambda *args: seen.append(args))

    def prepared(X):
        if kind == "mean":
            return X
        train = splits["X_train"].reshape(-1, 3)
        return ((X.reshape(-1, 3) - train.mean(0)) / train.std(0)).reshape(X.shape)

    def accuracy(X, y):
        return float(np.mean(np.asarray(jaxnet.predict(fit.params, prepared(X))) == y))

    assert set(fit.metrics) == {"val_acc", "test_acc", "num_test", "num_iters", "seed", "train_time_s"}
    assert fit.metrics["val_acc"] == pytest.approx(accuracy(splits["X_val"], splits["y_val"]))
    assert fit.metrics["test_acc"] == pytest.approx(accuracy(splits["X_test"], splits["y_test"]))
    assert (fit.metrics["num_test"], fit.metrics["num_iters"], fit.metrics["seed"]) == (12, 6, 3)
    assert fit.metrics["train_time_s"] > 0 and fit.state is not None and fit.state.iteration == 6
    assert (fit.preprocessing is None) == (kind == "mean")
    [(params, history, prep)] = seen
    assert params is fit.params and history is fit.history and prep is fit.preprocessing
    alone = jaxnet.fit(recipe, tiny_splits(), image_shape=(4, 4, 3), num_classes=3)
    assert alone.metrics["test_acc"] is None and alone.metrics["num_test"] == 0


@pytest.mark.slow
def test_fit_passes_its_image_shape_to_the_preprocessing_the_views_and_the_bar(capsys):
    """Grey 4x4 images (one channel): "channel" standardises their one channel, and the
    flip-averaged scores of the validation and test rows see 4x4x1 images (CIFAR-10's 32x32x3 would not fit 16 features); a fit
    continued from a state starts its bar at the state's update."""
    rng = np.random.default_rng(4)
    X = rng.standard_normal((24, 16)).astype(np.float32) * 3 + 1
    y = rng.integers(0, 3, 24)
    splits = {"X_train": X, "y_train": y, "X_val": X[:8], "y_val": y[:8], "X_test": X[8:], "y_test": y[8:]}
    recipe = jaxnet.Recipe.of(hidden_size=5, num_iters=6, batch_size=4, preprocess="channel", tta_flip=True)
    seen = []
    fit = jaxnet.fit(recipe, splits, image_shape=(4, 4, 1), num_classes=3, every=2, on_piece=seen.append)
    standardised = (X - X.mean()) / X.std()
    for split, rows in (("val_acc", slice(None, 8)), ("test_acc", slice(8, None))):
        want = jaxnet.model.accuracy(fit.params, standardised[rows], y[rows], flip_average=(4, 4, 1),
                                     image_shape=(4, 4, 1))
        assert fit.metrics[split] == pytest.approx(float(want), abs=1e-6), split
    capsys.readouterr()
    jaxnet.fit(recipe, splits, image_shape=(4, 4, 1), num_classes=3, state=seen[0], progress=True)
    assert "2/6" in capsys.readouterr().err


def test_fit_counts_its_largest_evaluation_in_the_memory_check(monkeypatch):
    """The rows scored at once (the larger of the validation and test splits) are in the memory
    check's host bytes, beside the training rows, before anything compiles."""
    from jaxnet import checks

    monkeypatch.setattr(checks, "check_fits", raise_host_bytes)
    rng = np.random.default_rng(5)
    splits = dict(tiny_splits(), X_test=rng.standard_normal((20, 48)).astype(np.float32),
                  y_test=rng.integers(0, 3, 20))
    with pytest.raises(Checked) as checked:
        jaxnet.fit(jaxnet.Recipe.of(hidden_size=5, num_iters=6, batch_size=4), splits,
                   image_shape=(4, 4, 3), num_classes=3)
    assert checked.value.args[0] == (24 + 20) * 48 * 4  # float32 rows: 24 training, 20 test


def test_a_recipe_refuses_what_does_not_fit_its_data_before_anything_runs(monkeypatch):
    """Recipe.check, knowing only the data's size: components, the test-time shift, the
    iterations and the loss history that must fit."""
    from jaxnet import checks

    of = jaxnet.Recipe.of
    with pytest.raises(ValueError, match="pca_components 49 exceeds the 48 inputs"):
        of(preprocess="pca", pca_components=49).check(24, (4, 4, 3))
    with pytest.raises(ValueError, match="tta_shift 4 does not fit 4x4 images"):
        of(tta_shift=4).check(24, (4, 4, 3))
    with pytest.raises(ValueError, match="a run needs at least one iteration"):
        of(num_iters=0).check(24, (4, 4, 3))
    assert of(num_iters=10_000, batch_size=4).check(24, (4, 4, 3)).num_iters == 10_000
    monkeypatch.setattr(checks, "memory_bytes", lambda: 1000)
    with pytest.raises(ValueError, match="the loss history of 10,000 updates needs"):
        of(num_iters=10_000, batch_size=4).check(24, (4, 4, 3))


def test_a_recipes_refusals_say_exactly_what_and_its_edges_fit(monkeypatch):
    """Recipe's and Recipe.check's messages, word for word (the image's height before its width); what
    fits at the edges: as many PCA components as inputs, a shift one short of the shorter side (the
    channels are not a side), a fraction of an epoch as one update; PCA leaves no image shape; and
    check without ``num_eval`` holds the training rows alone on the host."""
    from jaxnet import checks

    of = jaxnet.Recipe.of
    for make, words in [(lambda: of(preprocess="pca", flip=True, tta_flip=True),
                         "flip, tta_flip need images; preprocess 'pca' leaves components, not pixels"),
                        (lambda: of(tta_shift=4).check(24, (4, 6, 3)), "tta_shift 4 does not fit 4x6 images"),
                        (lambda: of(num_iters=0).check(24, (4, 4, 3)),
                         "num_iters: a run needs at least one iteration (got 0)")]:
        with pytest.raises(ValueError) as refused:
            make()
        assert str(refused.value) == words
    assert of(preprocess="pca", pca_components=48).check(24, (4, 4, 3)).num_iters == 100
    assert of(tta_shift=3).check(24, (4, 4, 3)).num_iters == 100
    assert of(epochs=0.01, batch_size=4).config(24).num_iters == 1  # 0.06 updates
    assert of(preprocess="pca").image_shape((4, 4, 3)) is None and of().image_shape((4, 4, 3)) == (4, 4, 3)

    monkeypatch.setattr(checks, "check_fits", raise_host_bytes)
    with pytest.raises(Checked) as checked:
        of(num_iters=6, batch_size=4).check(24, (4, 4, 3))
    assert checked.value.args[0] == 24 * 48 * 4  # float32 rows: the 24 training rows only

def test_a_recipes_options_are_known_ones_and_its_training_a_config():
    with pytest.raises(TypeError, match=r"unknown option\(s\) \['aaa', 'zzz'\]; the options are \['hidden_size'"):
        jaxnet.Recipe.of(zzz=1, aaa=2)
    with pytest.raises(TypeError, match="training must be a jaxnet.Config, got dict"):
        jaxnet.Recipe(training={})


def test_fit_checks_its_splits_before_anything_runs():
    recipe = jaxnet.Recipe.of(hidden_size=5, num_iters=2, batch_size=4)
    with pytest.raises(ValueError, match="splits lacks y_val"):
        jaxnet.fit(recipe, {k: v for k, v in tiny_splits().items() if k != "y_val"}, image_shape=(4, 4, 3),
                   num_classes=3)


def test_fit_leaves_the_callers_splits_as_they_were():
    """Preprocessing makes new arrays in a new dict: the splits given to fit keep their arrays."""
    recipe = jaxnet.Recipe.of(hidden_size=5, num_iters=2, batch_size=4, preprocess="channel")
    splits = tiny_splits()
    given = dict(splits)
    jaxnet.fit(recipe, splits, image_shape=(4, 4, 3), num_classes=3)
    assert splits.keys() == given.keys() and all(splits[k] is given[k] for k in given)
