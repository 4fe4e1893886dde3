"""jaxnet.layout: the first layer's products and their batching rules.

Expected values come from ``jnp.einsum`` on the same arrays (an independent formulation);
the structure tests read the jaxpr, so they do not depend on what XLA does with it.
"""

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import jaxnet
from jaxnet import layout

K, B, D, H = 3, 5, 7, 4


@pytest.fixture(scope="module")
def arrays():
    rng = np.random.default_rng(0)
    return {"X": rng.standard_normal((B, D)), "Xs": rng.standard_normal((K, B, D)),
            "W": rng.standard_normal((H, D)), "Ws": rng.standard_normal((K, H, D)),
            "dz": rng.standard_normal((B, H)), "dzs": rng.standard_normal((K, B, H))}


# case -> (the function in jaxnet.layout, its einsum with a config axis k on both operands,
# the operands' names in `arrays`, where a name ending in "s" carries the config axis)
BATCHED_CASES = {
    "forward, per-config weights": ("forward", "kbd,khd->kbh", ("X", "Ws")),
    "forward, per-config rows": ("forward", "kbd,khd->kbh", ("Xs", "W")),
    "forward, both": ("forward", "kbd,khd->kbh", ("Xs", "Ws")),
    "gradient, per-config cotangents": ("weight_gradient", "kbh,kbd->khd", ("dzs", "X")),
    "gradient, per-config rows": ("weight_gradient", "kbh,kbd->khd", ("dz", "Xs")),
    "gradient, both": ("weight_gradient", "kbh,kbd->khd", ("dzs", "Xs")),
}


def batched(a):
    return a.ndim == 3


def vmapped(fn, *args):
    return jax.vmap(fn, in_axes=tuple(0 if batched(a) else None for a in args))(*args)


def test_unbatched_products(arrays):
    X, W, dz = arrays["X"], arrays["W"], arrays["dz"]
    np.testing.assert_allclose(layout.forward(X, W), jnp.einsum("bd,hd->bh", X, W), rtol=1e-12)
    np.testing.assert_allclose(layout.weight_gradient(dz, X), jnp.einsum("bh,bd->hd", dz, X),
                               rtol=1e-12)


@pytest.mark.parametrize("case", BATCHED_CASES)
def test_batched_products(arrays, case):
    name, spec, operands = BATCHED_CASES[case]
    args = [jnp.asarray(arrays[n]) for n in operands]
    expected = jnp.einsum(spec, *(a if batched(a) else jnp.broadcast_to(a, (K,) + a.shape)
                                  for a in args))
    np.testing.assert_allclose(vmapped(getattr(layout, name), *args), expected, rtol=1e-12)


def test_first_layer_gradients_match_autodiff(arrays):
    """Per config (vmapped over the weights, as in a sweep) and for the shared rows."""
    X, Ws = jnp.asarray(arrays["X"]), jnp.asarray(arrays["Ws"])

    def loss_of(layer):
        return lambda X, W: jnp.sum(jnp.tanh(layer(X, W)) ** 2)

    ours = loss_of(layout.first_layer)
    plain = loss_of(lambda X, W: jnp.einsum("bd,hd->bh", X, W))
    for argnums in (0, 1):  # the rows' gradient, the weights' gradient
        got = jax.vmap(jax.grad(ours, argnums), (None, 0))(X, Ws)
        want = jax.vmap(jax.grad(plain, argnums), (None, 0))(X, Ws)
        np.testing.assert_allclose(got, want, rtol=1e-12)


def dot_operand_shapes(fn, *args):
    """The operand shapes of every dot_general in the jaxpr of ``fn`` vmapped over args."""
    found = []

    def walk(jaxpr):
        for eqn in jaxpr.eqns:
            if eqn.primitive.name == "dot_general":
                found.append([tuple(v.aval.shape) for v in eqn.invars])
            for param in eqn.params.values():
                inner = getattr(param, "jaxpr", param)  # a ClosedJaxpr or a Jaxpr
                if hasattr(inner, "eqns"):
                    walk(inner)

    walk(jax.make_jaxpr(lambda *a: vmapped(fn, *a))(*args).jaxpr)
    return found


def test_shared_rows_give_one_two_dimensional_product(arrays):
    """The sweep's case: every config's weights in one (K*H, D) operand, no batch axis."""
    X, Ws, dzs = (jnp.asarray(arrays[n]) for n in ("X", "Ws", "dzs"))
    assert dot_operand_shapes(layout.forward, X, Ws) == [[(B, D), (K * H, D)]]
    assert dot_operand_shapes(layout.weight_gradient, dzs, X) == [[(K * H, B), (B, D)]]


def test_the_transposed_layout_goes_there_and_back_to_the_params_keys():
    """to_layout renames W1 (D, H) to W1t (H, D) in every params-shaped dict (an optimizer's
    moments too); from_layout gives back exactly the params' keys and arrays."""
    rng = np.random.default_rng(1)
    params = {"W1": rng.standard_normal((D, H)), "b1": rng.standard_normal(H),
              "W2": rng.standard_normal((H, 3)), "b2": rng.standard_normal(3)}
    tree = {"params": params, "moments": [dict(params)], "step": np.int32(2)}
    there = layout.to_layout(tree, "transposed")
    assert sorted(there["params"]) == sorted(there["moments"][0]) == ["W1t", "W2", "b1", "b2"]
    np.testing.assert_array_equal(there["params"]["W1t"], params["W1"].T)
    back = layout.from_layout(there)
    for node in (back["params"], back["moments"][0]):
        assert sorted(node) == ["W1", "W2", "b1", "b2"]
        for k in params:
            np.testing.assert_array_equal(node[k], params[k])
    assert layout.to_layout(tree, "plain") is tree


# ---------------------------------------------------------------------------- per backend


def test_auto_takes_the_transposed_layout_on_cpu_only():
    assert layout.resolve("auto", "cpu") == "transposed"
    assert layout.resolve("auto", "gpu") == layout.resolve("auto", "tpu") == "plain"
    assert layout.resolve("plain", "cpu") == "plain"


@pytest.mark.parametrize("dtype, tol", [pytest.param(jnp.float64, 1e-12, marks=pytest.mark.slow),
                                        (jnp.float32, 2e-5)])
@pytest.mark.slow
def test_plain_and_transposed_products_train_alike(dtype, tol):
    rng = np.random.default_rng(7)
    X = rng.standard_normal((48, 10)).astype(dtype)
    y = rng.integers(0, 4, 48)
    params = jaxnet.init_params(jax.random.key(0), 10, 6, 4, std=0.3, dtype=dtype)
    options = dict(learning_rate=0.2, num_iters=15, batch_size=8, key=jax.random.key(3),
                   optimizer="nesterov", dropout=0.1)
    runs = {products: jaxnet.train(params, X, y, X, y, products=products, **options)
            for products in ("plain", "transposed")}
    (p0, h0), (p1, h1) = runs["plain"], runs["transposed"]
    for k in p0:
        np.testing.assert_allclose(p0[k], p1[k], rtol=tol, atol=tol, err_msg=k)
    np.testing.assert_allclose(h0["loss_history"], h1["loss_history"], rtol=tol)
    if dtype != jnp.float64:
        return
    # The same arithmetic, in another order at most: sweeps agree too.
    swept = {products: jaxnet.sweep(X, y, X, y, [dict(hidden_size=6, learning_rate=lr)
                                                 for lr in (0.1, 0.2)], num_classes=4,
                                    dtype=dtype, num_iters=6, batch_size=8, products=products)
             for products in ("plain", "transposed")}
    for a, b in zip(swept["plain"], swept["transposed"]):
        np.testing.assert_allclose(a["params"]["W1"], b["params"]["W1"], rtol=tol, atol=tol)


def test_matmul_precision_reaches_every_product_of_the_program():
    from tests.helpers import lowered_run, make_plan, traced
    X = jnp.ones((16, 6), jnp.float32)
    y = jnp.zeros(16, jnp.int32)
    params = jaxnet.init_params(jax.random.key(0), 6, 4, 3)

    def program(precision):
        plan = make_plan(16, 6, num_iters=3, batch_size=4, matmul_precision=precision)
        return lowered_run(params, X, y, plan, traced(jnp.float32))

    highest, default = program("highest"), program("default")
    dots = highest.count("dot_general")
    assert dots >= 4  # forward, both gradients, the accuracies
    assert highest.count("precision = [HIGHEST, HIGHEST]") == dots
    assert "HIGHEST" not in default and default.count("dot_general") == dots
