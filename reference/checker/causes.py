"""The words of a diagnosis: the parts of a two-layer net that can be wrong, and the known
mistakes that are judged without a loss variant (NumPy only).

A *part* is where a mistake lives; the JSON summary's ``part`` is one of ``PARTS``, so that
a grader's tool can count them. The loss variants (``mistakes.CATALOGUE``) carry a part too.
"""

from dataclasses import dataclass

# part -> (what it is, where to look first)
PARTS = {
    "init": ("__init__'s weights", "__init__: W1 then W2 from std * np.random.randn, zero biases"),
    "scores": ("the forward pass (the scores)",
               "the forward pass: z1 = X W1 + b1, h1 = max(0, z1), scores = h1 W2 + b2"),
    "data_loss": ("the data loss (softmax cross-entropy)",
                  "the softmax cross-entropy: the mean over the batch of -log softmax(scores)[i, y[i]]"),
    "regulariser": ("the regulariser", "the reg term reg * (sum(W1**2) + sum(W2**2)) and its gradient 2 * reg * W"),
    "gradient": ("the backward pass (the gradients)", "the backward pass, where grads[{params}] is computed"),
    "training_rate": ("the learning rate used by train", "the update: params -= learning_rate * grads"),
    "training_decay": ("the learning-rate decay in train",
                       "the decay: learning_rate *= learning_rate_decay once per epoch, after the update"),
    "training_sampling": ("the minibatches train draws",
                          "the minibatch: idx = np.random.choice(num_train, batch_size), drawn every iteration"),
    "training_histories": ("what train records", "the lists train appends to and returns"),
    "training_update": ("train's update step", "train's loop: one loss call and one update of every param per iteration"),
    "predict": ("predict", "predict: the argmax over classes of the scores"),
}


@dataclass(frozen=True)
class Mistake:
    id: str
    title: str  # what the student's code does, e.g. "b1's gradient without the ReLU mask"
    fix: str  # what to do instead
    part: str  # one of PARTS
    fn: object = None  # (params, X, y, w, reg) -> outputs (mistakes.py); None: judged elsewhere


OTHER_CAUSES = (
    Mistake("init_differs", "__init__ not drawing the weights as the notebook's skeleton does",
            "W1 = std * np.random.randn(D, H), then W2 = std * np.random.randn(H, C), zero biases, in that order",
            "init"),
    Mistake("predict_no_relu", "predict computing the scores without the ReLU",
            "apply np.maximum(0, X W1 + b1) in predict too (or call self.loss(X))", "predict"),
    Mistake("predict_argmin", "predict taking the class of the lowest score (argmin)",
            "np.argmax(scores, axis=1): the predicted class has the highest score", "predict"),
    Mistake("lr_never_decayed", "the learning rate never decayed",
            "multiply learning_rate by learning_rate_decay at every epoch boundary", "training_decay"),
    Mistake("lr_decayed_every_iteration", "the learning rate decayed after every iteration instead of every epoch",
            "decay only when it % iterations_per_epoch == 0", "training_decay"),
    Mistake("lr_decayed_before_update", "the learning rate decayed before the update instead of after it",
            "update the params first, then decay at the end of the epoch's iteration", "training_decay"),
    Mistake("decay_applied_to_reg", "the decay applied to reg instead of to the learning rate",
            "leave reg as given; multiply learning_rate by learning_rate_decay at every epoch boundary",
            "training_decay"),
    Mistake("lr_scaled", "the update taking a step of a constant multiple of learning_rate",
            "params -= learning_rate * grads, with the learning_rate given (decayed per epoch)", "training_rate"),
    Mistake("update_ascends", "the update going up the gradient (params += lr * grad)",
            "gradient descent subtracts: params -= learning_rate * grads", "training_update"),
    Mistake("param_not_updated", "a parameter never updated by train",
            "update every entry of self.params: W1, b1, W2 and b2", "training_update"),
    Mistake("sampling_without_replacement", "minibatches sampled without replacement",
            "np.random.choice(num_train, batch_size) (replace=True is the notebook's choice, and the default)",
            "training_sampling"),
    Mistake("batch_not_redrawn", "a minibatch used again instead of drawn afresh every iteration",
            "draw idx = np.random.choice(num_train, batch_size) inside the loop, every iteration",
            "training_sampling"),
    Mistake("batch_labels_mismatch", "the minibatch's labels not taken at the same indices as its examples",
            "draw one index array and use it for both: X[idx], y[idx]", "training_sampling"),
    Mistake("train_acc_on_full_train", "train accuracy computed on the whole training set instead of the minibatch",
            "record (self.predict(X_batch) == y_batch).mean()", "training_histories"),
    Mistake("val_acc_on_train", "validation accuracy computed on training data",
            "record (self.predict(X_val) == y_val).mean()", "training_histories"),
    Mistake("acc_every_iteration", "an accuracy recorded at every iteration instead of once per epoch",
            "append to the accuracy histories only when it % iterations_per_epoch == 0", "training_histories"),
    Mistake("loss_history_per_epoch", "the loss recorded once per epoch instead of every iteration",
            "append the minibatch loss to loss_history at every iteration", "training_histories"),
)

# Mistakes with a fitted number (a factor), named only when that number explains every problem.
FAMILIES = (
    Mistake("gradient_scaled", "{params}'s gradient a constant multiple of the true one",
            "the gradient of the loss you compute, with no extra factor (check the backward pass for {params})",
            "gradient"),
    Mistake("gradient_not_averaged", "{params}'s gradient not divided by the batch size N",
            "divide {params}'s gradient by N like the others (the loss is the mean over the batch)", "gradient"),
    Mistake("gradient_averaged_twice", "{params}'s gradient divided by the batch size N twice",
            "divide by N once: dscores /= N already makes {params}'s gradient a mean", "gradient"),
    Mistake("reg_gradient_scaled", "the regularisation gradient of {params} a multiple of reg * W other than 2",
            "add 2 * reg * W to the gradient of each weight: d/dW of reg * sum(W**2) is 2 * reg * W", "gradient"),
    Mistake("reg_scaled", "the regularisation strength a constant multiple of reg, in the loss and its gradient",
            "the notebook's loss is reg * (sum(W1**2) + sum(W2**2)), with gradient 2 * reg * W", "regulariser"),
    Mistake("reg_scaled_in_loss", "the regularisation term in the loss a constant multiple of the notebook's "
            "(its gradient is right)", "add exactly reg * (sum(W1**2) + sum(W2**2)) to the loss", "regulariser"),
    Mistake("reg_one_weight", "only {params} regularised, in the loss and its gradient",
            "regularise both weights: reg * (sum(W1**2) + sum(W2**2)), gradients 2 * reg * W1 and 2 * reg * W2",
            "regulariser"),
    Mistake("data_loss_scaled_in_loss", "the data loss a constant multiple of the mean cross-entropy "
            "(its gradient is right)", "loss = the mean over the batch of -log softmax(scores)[i, y[i]]: no extra "
            "factor (a log in another base?)", "data_loss"),
    Mistake("data_loss_scaled", "the data loss a constant multiple of the mean cross-entropy",
            "loss = the mean over the batch of -log softmax(scores)[i, y[i]], with no extra factor", "data_loss"),
)


def look_first(part, params=()):
    """Where to look first for a mistake in ``part`` (``params``: the gradients concerned)."""
    return PARTS[part][1].format(params=", ".join(f"'{k}'" for k in params) or "...")
