#!/usr/bin/env python
"""Check the NumPy reference and jaxnet (float64 and float32) on the notebook's toy problem.

Prints, like the notebook, the scores and loss differences, each gradient's relative error
and the toy training's final loss, each against its tolerance; exits 1 if any check fails.

    python scripts/verify.py
"""

import sys

import jax

jax.config.update("jax_enable_x64", True)  # before any array exists
# Full float32 products on every backend (JAX's default is TF32 on recent NVIDIA GPUs and
# bfloat16 passes on TPUs, too coarse for the float32 tolerances).
jax.config.update("jax_default_matmul_precision", "highest")

import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402

import jaxnet  # noqa: E402
from reference import eval_numerical_gradient, notebook, rel_error  # noqa: E402

NAMES = ("W1", "b1", "W2", "b2")


def reference_checks(X, y):
    net = notebook.init_toy_model()
    yield "scores: sum |scores - correct|", np.sum(np.abs(net.loss(X) - notebook.CORRECT_SCORES)), notebook.SCORES_TOL
    loss, grads = net.loss(X, y, reg=notebook.LOSS_REG)
    yield "loss: |loss - correct|", abs(loss - notebook.CORRECT_LOSS), notebook.LOSS_TOL
    for name in NAMES:
        f = lambda _: net.loss(X, y, reg=notebook.LOSS_REG)[0]
        numeric = eval_numerical_gradient(f, net.params[name])
        yield f"{name}: max rel error vs numeric gradient", rel_error(numeric, grads[name]), notebook.GRAD_REL_TOL
    net = notebook.init_toy_model()
    final = net.train(X, y, X, y, **notebook.TOY_TRAIN)["loss_history"][-1]
    yield "toy training: |final loss - notebook's|", abs(final - notebook.FINAL_TOY_LOSS), 1e-12
    yield "toy training: final loss", final, notebook.FINAL_TOY_LOSS_BOUND


def jax_checks(X, y, dtype):
    """float64: the notebook's own tolerances; float32: within 1e-5 / 1e-6 of float64."""
    wide = dtype == jnp.float64
    net = notebook.init_toy_model()
    params = {k: jnp.array(v, dtype) for k, v in net.params.items()}
    Xd = jnp.asarray(X, dtype)
    scores = np.asarray(jaxnet.scores(params, Xd), np.float64)
    if wide:
        yield "scores: sum |scores - correct|", np.sum(np.abs(scores - notebook.CORRECT_SCORES)), notebook.SCORES_TOL
    else:
        yield "scores: max |float32 - float64|", np.max(np.abs(scores - net.loss(X))), 1e-5
    loss = float(jaxnet.loss(params, Xd, y, notebook.LOSS_REG))
    yield "loss: |loss - correct|", abs(loss - notebook.CORRECT_LOSS), notebook.LOSS_TOL if wide else 1e-6
    grads = jax.grad(jaxnet.loss)(params, Xd, y, notebook.LOSS_REG)
    _, expected = net.loss(X, y, reg=notebook.LOSS_REG)
    for name in NAMES:
        yield f"{name}: max rel error, jax.grad vs handwritten", rel_error(grads[name], expected[name]), 1e-10 if wide else 1e-4
    indices = notebook.record_choices(X.shape[0], 200, notebook.TOY_TRAIN["num_iters"])
    stats = net.train(X, y, X, y, **notebook.TOY_TRAIN)
    _, history = jaxnet.train(params, Xd, y, Xd, y, batch_indices=indices, **notebook.TOY_TRAIN)
    diff = np.max(np.abs(history["loss_history"] - np.asarray(stats["loss_history"])))
    yield "toy training: max |loss history - reference's|", diff, 1e-10 if wide else 1e-4
    yield "toy training: final loss", history["loss_history"][-1], notebook.FINAL_TOY_LOSS_BOUND


def main():
    X, y = notebook.init_toy_data()
    failures = 0
    for title, checks in (("NumPy reference (float64)", reference_checks(X, y)),
                          ("jaxnet float64", jax_checks(X, y, jnp.float64)),
                          ("jaxnet float32", jax_checks(X, y, jnp.float32))):
        print(f"\n{title}")
        for label, value, tol in checks:
            ok = bool(value < tol)
            failures += not ok
            print(f"  {label:<50} {value:11.3e}  < {tol:.0e}  {'pass' if ok else 'FAIL'}")
    print(f"\n{'all checks passed' if not failures else f'{failures} check(s) FAILED'} "
          f"(JAX {jax.__version__}, {jax.devices()[0].platform}, matmul precision "
          f"{jax.config.jax_default_matmul_precision})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
