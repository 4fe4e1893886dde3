"""The first layer's stored layout inside the compiled loop, and its products for XLA:CPU.

Outside the compiled loop params are always ``{'W1': (D, H), 'b1', 'W2', 'b2'}``. Inside
it, on the CPU, W1 is kept transposed as ``'W1t'`` (H, D) (``resolve``): the loop converts
its state on entry (``to_layout``) and back on exit (``from_layout``); ``jaxnet.model``'s
first layer multiplies by ``first_layer`` when it finds ``'W1t'``. The math is the same; only the products' kernels
differ. What it buys is measured in docs/performance.md ("The first layer's layout").

Each step multiplies the minibatch X_b (B, D) by W1t twice: z = X_b W1tᵀ (B, H) forward,
dW1t = dzᵀ X_b (H, D) for the gradient, nearly all of a step's FLOPs.

- The gradient materialises dzᵀ (H, B) (small) behind an ``optimization_barrier``, so the
  product is a plain one. Left to itself XLA folds the transposition into the product,
  which then runs on a slower kernel for transposed operands.
- A sweep vmaps training over K configs that share X_b, so the stacked weights (K, H, D)
  are one (K·H, D) matrix: the batching rules below write each product as one wide 2-D
  product (the reshape is a view). JAX's generic rule leaves XLA a product with two free
  dimensions, which XLA:CPU canonicalises by transposing every config's weights each step.
  Without vmap's shared-rows case (e.g. mixup, whose rows differ between configs) the
  products are batched by JAX's own rules.
"""

import jax
import jax.numpy as jnp
from jax import lax
from jax.custom_batching import custom_vmap

LAYOUTS = ("plain", "transposed")


def resolve(products, backend=None):
    """The layout for ``Config.products`` on ``backend`` (default: JAX's): "auto" is
    "transposed" on the CPU only, where it was measured to pay, and "plain" elsewhere."""
    if products != "auto":
        return products
    return "transposed" if (backend or jax.default_backend()) == "cpu" else "plain"


def _is_params(node):
    return isinstance(node, dict) and "b1" in node and ("W1" in node or "W1t" in node)


def to_layout(tree, layout):
    """Every params-shaped dict in ``tree`` (the params, an optimizer's moments) in
    ``layout``: for "transposed", ``'W1'`` (D, H) becomes ``'W1t'`` (H, D)."""
    if layout == "plain":
        return tree

    def convert(node):
        if not _is_params(node):
            return node
        return {"W1t": node["W1"].T, **{k: v for k, v in node.items() if k != "W1"}}
    return jax.tree.map(convert, tree, is_leaf=_is_params)


def from_layout(tree):
    """The inverse of ``to_layout``: every params-shaped dict with ``'W1'`` (D, H)."""
    def convert(node):
        if not _is_params(node) or "W1t" not in node:
            return node
        return {"W1": node["W1t"].T, **{k: v for k, v in node.items() if k != "W1t"}}
    return jax.tree.map(convert, tree, is_leaf=_is_params)


_NT = (((1,), (1,)), ((), ()))  # (B, D) x (H, D) -> (B, H)


def _batched_when(plain, pattern, wide):
    """``plain`` with a custom batching rule: ``wide(*args)`` when exactly the operands
    marked True in ``pattern`` carry the config axis (leading), JAX's own rules otherwise."""
    fn = custom_vmap(plain)

    @fn.def_vmap
    def rule(axis_size, in_batched, *args):
        if tuple(in_batched) == pattern:
            return wide(*args), True
        in_axes = tuple(0 if b else None for b in in_batched)
        return jax.vmap(plain, in_axes=in_axes, axis_size=axis_size)(*args), True

    return fn


def _forward(X, W1t):
    """z = X W1tᵀ: (B, D), (H, D) -> (B, H)."""
    return lax.dot_general(X, W1t, _NT)


def _wide_forward(X, W1t):
    """Shared rows (B, D), stacked weights (K, H, D) -> (K, B, H) in one product."""
    K, H, D = W1t.shape
    z = lax.dot_general(X, W1t.reshape(K * H, D), _NT)  # (B, K·H)
    return jnp.moveaxis(z.reshape(X.shape[0], K, H), 1, 0)


def _weight_gradient(dz, X):
    """dW1t = dzᵀ X: (B, H), (B, D) -> (H, D)."""
    return lax.optimization_barrier(dz.T) @ X  # dzᵀ materialised: see the module docstring


def _wide_weight_gradient(dz, X):
    """Stacked cotangents (K, B, H), shared rows (B, D) -> (K, H, D) in one product."""
    K, B, H = dz.shape
    dz_t = jnp.moveaxis(dz, 0, 1).reshape(B, K * H)  # (B, K·H)
    return _weight_gradient(dz_t, X).reshape(K, H, X.shape[1])


forward = _batched_when(_forward, (False, True), _wide_forward)
weight_gradient = _batched_when(_weight_gradient, (True, False), _wide_weight_gradient)


@jax.custom_vjp
def first_layer(X, W1t):
    """X W1tᵀ: (N, D), (H, D) -> (N, H), differentiable in reverse mode (``jax.grad``)."""
    return forward(X, W1t)


def _first_layer_fwd(X, W1t):
    return forward(X, W1t), (X, W1t)


def _first_layer_bwd(residuals, dz):
    X, W1t = residuals
    return dz @ W1t, weight_gradient(dz, X)


first_layer.defvjp(_first_layer_fwd, _first_layer_bwd)
