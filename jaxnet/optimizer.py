"""The optimizer: the optax chain and its learning-rate schedules.

Every function takes ``hp``, the traced options (``Config.traced()`` as arrays: a new
value reuses the compiled program), and ``plan``, the program's static structure
(``jaxnet.loop.Plan``: the static options, the epoch's length, the gated options compiled
in, the image shape and the first layer's layout).

With the defaults this is the notebook's update: plain SGD on the mean cross-entropy plus
``reg * (sum(W1**2) + sum(W2**2))``, the rate decayed after every epoch boundary.
"""

import jax
import jax.numpy as jnp
import optax

# optax's schedules and Adam's bias correction mix Python floats with the int32 step count,
# which JAX's standard dtype promotion allows and its strict promotion refuses. jaxnet's own
# code is strict-clean (the tests run with jax_numpy_dtype_promotion="strict"); calls into
# optax run under "standard", whatever the caller set.
OPTAX_PROMOTION = "standard"


def notebook_schedule(learning_rate, learning_rate_decay, iterations_per_epoch):
    """The notebook's per-epoch decay as an optax schedule.

    The notebook multiplies the rate by the decay *after* the update of every epoch-boundary
    iteration, iteration 0 included, so update k uses
    ``learning_rate * decay ** ceil(k / iterations_per_epoch)``. (optax's staircase
    ``exponential_decay`` uses floor, one step later.)
    """
    def schedule(count):
        epochs = jnp.ceil(count / iterations_per_epoch)  # an exact small integer
        return learning_rate * learning_rate_decay ** epochs.astype(jnp.result_type(learning_rate))
    return schedule


def make_schedule(plan, hp):
    """The learning rate at update k: a static shape scaled by the traced peak rate."""
    lr, decay = hp["learning_rate"], hp["learning_rate_decay"]
    kind, num_iters, warmup = plan.config.schedule, plan.config.num_iters, plan.warmup_iters
    if kind == "notebook":
        return notebook_schedule(lr, decay, plan.iterations_per_epoch)
    if kind == "cosine":
        if warmup:
            shape = optax.warmup_cosine_decay_schedule(0.0, 1.0, warmup, max(num_iters, warmup + 1))
        else:
            shape = optax.cosine_decay_schedule(1.0, max(num_iters, 1))

        def schedule(count):
            with jax.numpy_dtype_promotion(OPTAX_PROMOTION):
                return lr * shape(count).astype(jnp.result_type(lr))
        return schedule

    # "step": multiply by the decay every step_iters updates, after a linear warm-up.
    def schedule(count):
        warm = jnp.minimum(1.0, (count + 1) / max(warmup, 1)).astype(jnp.result_type(lr))
        steps = jnp.floor(count / plan.step_iters).astype(jnp.result_type(lr))  # an exact small integer
        return lr * warm * decay ** steps
    return schedule


def _weights_only(params):
    return {k: k.startswith("W") for k in params}


def make_optimizer(plan, hp):
    """An optax GradientTransformation: direction, optional decoupled weight decay, step size.

    - sgd: -lr_k g (the notebook's update)
    - momentum / nesterov: heavy-ball or Nesterov momentum ``hp['momentum']``
    - adam: Adam's scaled direction
    Weight decay (``hp['weight_decay']``, on W1 and W2 only) is added to the direction after
    momentum/Adam scaling, as in AdamW, so it is not accumulated by the momentum.
    """
    name = plan.config.optimizer
    if name == "sgd":
        parts = [optax.identity()]
    elif name == "adam":
        parts = [optax.scale_by_adam()]
    else:
        parts = [optax.trace(decay=hp["momentum"], nesterov=name == "nesterov")]
    if "weight_decay" in plan.enabled:
        parts.append(optax.add_decayed_weights(hp["weight_decay"], mask=_weights_only))
    parts.append(optax.scale_by_learning_rate(make_schedule(plan, hp)))
    return optax.chain(*parts)
