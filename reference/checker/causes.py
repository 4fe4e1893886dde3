"""The words of a diagnosis: the parts of a two-layer net that can be wrong, and the known
mistakes that are judged without a loss variant (NumPy only).

A *part* is where a mistake lives; the JSON summary's ``part`` is one of ``PARTS``, so that
a grader's tool can count them. The loss variants (``mistakes.CATALOGUE``) carry a part too.
"""

from dataclasses import dataclass

# part -> (what it is, where to look first)
PARTS = {
    "init": ("__init__'s params", "__init__: W1 then W2 from std * np.random.randn, zero biases"),
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
    part: str  # one of PARTS (for REG_TERM_GRADIENT, part_of gives it by the params concerned)
    fn: object = None  # (params, X, y, w, reg) -> outputs (mistakes.py), a formula (formulas.py), or None


# The mistakes of the reg term's gradient alone, the loss being right. They are the regulariser's,
# except that one param's is located to the gradient, as a reader says it: "dW1 is wrong" (the
# held-out sets' authors put 35 of 41 such nets with one param under the gradient, and 21 of 25 with
# two or more under the regulariser).
REG_TERM_GRADIENT = frozenset({"bias_reg_gradient", "reg_grad_no_factor_2", "reg_gradient_from_gradient",  # sorted
                               "reg_gradient_missing", "reg_gradient_over_n", "reg_gradient_scaled",
                               "reg_gradient_sign", "reg_gradient_times_n"})


def reg_term_gradient_part(params):
    """The part of a mistake in the reg term's gradient of ``params`` alone."""
    return "gradient" if len(params) == 1 else "regulariser"


def part_of(mistake, params):
    """The part a named ``mistake`` is located to, given the params it concerns."""
    return reg_term_gradient_part(params) if mistake.id in REG_TERM_GRADIENT else mistake.part


@dataclass(frozen=True)
class Named:
    """A cause that explains every problem: its id, the gradients or weights concerned, its fitted
    factor (or None), the detail its title fills in, and how the code carries it (``MODES``)."""
    cause: str
    params: tuple = ()
    factor: float = None
    detail: str = ""
    mode: str = "consistent"


# How the code carries a formula's mistake (formulas.py), said after the formula's title.
MODES = {
    "consistent": "",
    "usual": ", with the usual backward pass on its values (not this loss's own gradient)",
    "usual_h1_mask": ", with the usual backward pass on its values masked where h1 > 0 (not this loss's own "
                     "gradient)",
    "usual_notebook_mask": ", with the usual backward pass on its values masked where X W1 + b1 > 0 (not this "
                           "loss's own gradient)",
    "usual_notebook_hidden": ", with the notebook's backward pass (its hidden layer max(0, X W1 + b1)) on its "
                             "probabilities (not this loss's own gradient)",
    "loss_only": ", in the loss only (your gradients are the true loss's)",
    "scores_only": ", only in the scores loss(X) returns (your loss and gradients are right)",
    "loss_path": ", only on the loss's path (loss(X) returns the right scores)",
    "loss_path_usual": ", only on the loss's path (loss(X) returns the right scores), with the usual backward "
                       "pass on its values",
}


OTHER_CAUSES = (
    Mistake("init_differs", "__init__ not making the params as the notebook's skeleton does",
            "W1 = std * np.random.randn(D, H), then W2 = std * np.random.randn(H, C), zero biases, in that order",
            "init"),
    Mistake("params_overlap", "params that are views of one array ({detail}): an in-place update of one "
            "changes the other", "give each param its own array: np.zeros(H) for b1, np.zeros(C) for b2", "init"),
    Mistake("init_rng_reseeded", "__init__ seeding NumPy's generator itself (np.random.seed inside __init__): "
            "the caller's seed does not change the weights", "leave the seed to the caller: draw from NumPy's "
            "generator as it is", "init"),
    Mistake("init_default_std_wrong", "__init__'s default std={detail}, not the skeleton's 1e-4",
            "def __init__(self, input_size, hidden_size, output_size, std=1e-4)", "init"),
    Mistake("params_shared", "params kept in one dict shared by every instance (a class attribute or a mutable "
            "default argument), not on the instance", "create the dict in __init__: self.params = {} (never "
            "params = {} in the class body or as a default)", "init"),
    Mistake("predict_no_relu", "predict computing the scores without the ReLU",
            "apply np.maximum(0, X W1 + b1) in predict too (or call self.loss(X))", "predict"),
    Mistake("predict_argmin", "predict taking the class of the lowest score (argmin)",
            "np.argmax(scores, axis=1): the predicted class has the highest score", "predict"),
    Mistake("predict_wrong_axis", "predict taking the argmax over the examples (axis 0) instead of over the classes",
            "np.argmax(scores, axis=1): one label per example", "predict"),
    Mistake("predict_max_not_argmax", "predict returning the highest score itself instead of its class (max, not "
            "argmax)", "np.argmax(scores, axis=1): the index of the highest score", "predict"),
    Mistake("predict_labels_column", "predict returning the right labels as a column of shape (N, 1) (argmax with "
            "keepdims=True, or a reshape): compared with (N,) labels it broadcasts to (N, N)",
            "np.argmax(scores, axis=1): a 1-D array of N labels", "predict"),
    Mistake("predict_argmax_flat", "predict taking np.argmax(scores) without an axis (one index into the "
            "flattened scores)", "np.argmax(scores, axis=1): one label per example", "predict"),
    Mistake("predict_labels_shifted", "predict returning np.argmax(scores, axis=1) {detail} (labels counted from 1, "
            "as in MATLAB?)", "np.argmax(scores, axis=1): the labels are 0 to C - 1, as y is", "predict"),
    Mistake("predict_forward", "predict computing the scores with {detail}",
            "compute the scores as loss does (or call self.loss(X)): h1 = max(0, X W1 + b1), scores = h1 W2 + b2",
            "predict"),
    Mistake("lr_never_decayed", "the learning rate never decayed",
            "multiply learning_rate by learning_rate_decay at every epoch boundary", "training_decay"),
    Mistake("lr_decayed_every_iteration", "the learning rate decayed after every iteration instead of every epoch",
            "decay only when it % iterations_per_epoch == 0", "training_decay"),
    Mistake("lr_decayed_per_param", "the learning rate decayed once per param at an epoch's first iteration (the "
            "decay inside the loop over the params: {detail}), so each param steps one decay below the one before it",
            "decay once per epoch, outside the loop over the params: learning_rate *= learning_rate_decay after "
            "every param is updated", "training_decay"),
    Mistake("lr_decayed_before_update", "the learning rate decayed before the update instead of after it",
            "update the params first, then decay at the end of the epoch's iteration", "training_decay"),
    Mistake("decay_applied_to_reg", "the decay applied to reg instead of to the learning rate",
            "leave reg as given; multiply learning_rate by learning_rate_decay at every epoch boundary",
            "training_decay"),
    Mistake("lr_scaled", "the update taking a step of a constant multiple of learning_rate",
            "params -= learning_rate * grads, with the learning_rate given (decayed per epoch)", "training_rate"),
    Mistake("update_repeated", "each param updated {detail} times per iteration with one gradient (or a step of "
            "{detail} x learning_rate: no run tells them apart)",
            "one update per param per iteration, at the learning_rate given: params -= learning_rate * grads (no "
            "extra factor)", "training_update"),
    Mistake("lr_fixed", "a learning rate fixed in the code ({detail})",
            "step with the learning_rate argument: params -= learning_rate * grads (decayed per epoch)",
            "training_rate"),
    Mistake("update_ascends", "the update going up the gradient (params += lr * grad)",
            "gradient descent subtracts: params -= learning_rate * grads", "training_update"),
    Mistake("param_not_updated", "a parameter never changed by train (its update not applied, or applied at a "
            "rate of 0)", "update every entry of self.params in place, W1, b1, W2 and b2, at a float rate: "
            "self.params[k] -= learning_rate * grads[k]", "training_update"),
    Mistake("sampling_without_replacement", "minibatches sampled without replacement",
            "np.random.choice(num_train, batch_size) (replace=True is the notebook's choice, and the default)",
            "training_sampling"),
    Mistake("batch_not_redrawn", "a minibatch used again instead of drawn afresh every iteration",
            "draw idx = np.random.choice(num_train, batch_size) inside the loop, every iteration",
            "training_sampling"),
    Mistake("batch_labels_shape", "the minibatch's labels right but in an array of shape {detail}, not (batch_size,) "
            "(a column slice such as [:, -1:], a reshape, keepdims)",
            "y_batch = y[idx]: one label per example, a 1-D array", "training_sampling"),
    Mistake("batch_labels_mismatch", "the minibatch's labels not taken at the same indices as its examples",
            "draw one index array and use it for both: X[idx], y[idx]", "training_sampling"),
    Mistake("train_acc_on_full_train", "train accuracy computed on the whole training set instead of the minibatch",
            "record (self.predict(X_batch) == y_batch).mean()", "training_histories"),
    Mistake("val_acc_on_train", "validation accuracy computed on training data",
            "record (self.predict(X_val) == y_val).mean()", "training_histories"),
    Mistake("acc_over_other_set", "an accuracy's count of right predictions divided by another set's size (the "
            "training set's or the validation set's), not the set predicted on", "divide by the size of the set "
            "predicted on: (self.predict(X_val) == y_val).mean()", "training_histories"),
    Mistake("acc_recorded_at_end", "the accuracies recorded after the last iteration too, not only at each epoch's "
            "first", "record the accuracies only inside the once-per-epoch block", "training_histories"),
    Mistake("acc_count_not_fraction", "an accuracy recorded as the count of right predictions (a sum, not a mean)",
            "record the fraction: (self.predict(X_batch) == y_batch).mean()", "training_histories"),
    Mistake("acc_every_iteration", "an accuracy recorded at every iteration instead of once per epoch",
            "append to the accuracy histories only when it % iterations_per_epoch == 0", "training_histories"),
    Mistake("loss_history_per_epoch", "the loss recorded once per epoch instead of every iteration",
            "append the minibatch loss to loss_history at every iteration", "training_histories"),
    Mistake("loss_history_after_update", "the loss recorded from another call to loss after the update, "
            "instead of the loss the step's own call returned", "append the loss returned with the gradients, "
            "before the update: loss, grads = self.loss(...); loss_history.append(loss)", "training_histories"),
    Mistake("loss_history_without_reg", "the loss recorded without its reg term (the data loss alone)",
            "append the loss that loss() returned, reg term included", "training_histories"),
    Mistake("loss_history_on_training_set", "the loss recorded on the whole training set instead of the minibatch",
            "append the minibatch loss that the step's loss call returned", "training_histories"),
    Mistake("loss_history_sparse", "the loss recorded only every {detail} iterations (it % k == 0: beside the "
            "progress print?) instead of at every one", "append the minibatch loss to loss_history at every "
            "iteration, outside any if", "training_histories"),
    Mistake("history_truncated", "a history's values truncated to integers (an integer array, or floor "
            "division: correct // N)", "record floats: a float array, (predicted == y).mean()", "training_histories"),
    Mistake("train_acc_on_val", "the training accuracy history recording the validation accuracy",
            "record (self.predict(X_batch) == y_batch).mean()", "training_histories"),
    Mistake("acc_histories_swapped", "the training and validation accuracies recorded in each other's history",
            "train_acc_history gets the minibatch's accuracy, val_acc_history the validation set's",
            "training_histories"),
    Mistake("acc_before_update", "the accuracies recorded before the epoch's update instead of after it",
            "update the params first, then record the accuracies", "training_histories"),
    Mistake("acc_recorded_at_wrong_iterations", "the accuracies recorded at other iterations than each epoch's "
            "first (the rate decayed at the right ones)", "record them where the rate decays: when "
            "it % iterations_per_epoch == 0", "training_histories"),
    Mistake("epoch_test_off_by_one", "the iterations counted from 1 (or the epoch test (it + 1) % "
            "iterations_per_epoch == 0): the accuracies recorded and the rate decayed at each epoch's last "
            "iteration instead of its first", "loop over range(num_iters) and test it % iterations_per_epoch "
            "== 0 (iterations 0, iterations_per_epoch, ...)", "training_update"),
    Mistake("epoch_boundaries_wrong", "the once-per-epoch block (the accuracies recorded and the rate decayed) "
            "run at other iterations than the epochs' first", "if it % iterations_per_epoch == 0, with "
            "iterations_per_epoch = max(num_train // batch_size, 1)", "training_histories"),
    Mistake("epoch_length_wrong", "iterations_per_epoch not computed as max(num_train // batch_size, 1): the "
            "once-per-epoch block (the accuracies recorded, the rate decayed) runs at other iterations when "
            "an epoch is not a whole number of batches", "iterations_per_epoch = max(num_train // batch_size, 1): a "
            "whole number of iterations, at least 1", "training_decay"),
    Mistake("lr_decayed_at_wrong_iterations", "the learning rate decayed at other iterations than the epochs' "
            "first", "decay once per epoch: when it % iterations_per_epoch == 0, after the update (check "
            "iterations_per_epoch and the epoch test, which the accuracies use too)", "training_decay"),
    Mistake("lr_decayed_once", "the rate decayed once, after iteration 0, and never again (computed from the "
            "initial one at each epoch, lr = learning_rate * decay? or an epoch test true only at iteration 0 in "
            "runs this short, such as an epoch of num_train iterations?)", "learning_rate *= learning_rate_decay "
            "after the update at every epoch boundary, it % iterations_per_epoch == 0 with iterations_per_epoch = "
            "max(num_train // batch_size, 1)", "training_decay"),
    Mistake("lr_decay_as_rate", "the update stepping with learning_rate_decay as its rate (a constant "
            "rate equal to the decay factor)", "params -= learning_rate * grads", "training_rate"),
    Mistake("lr_truncated_to_integer", "the learning rate truncated to an integer (kept in an integer array or "
            "passed through int(): 0.9 becomes 0, so nothing moves)", "keep the rate a float: learning_rate *= "
            "learning_rate_decay, stored in a float array if at all", "training_rate"),
    Mistake("lr_constant", "the update stepping with one rate, {detail}, at every step: neither the "
            "learning_rate given nor decayed (a rate written in the step, a helper's default)",
            "step with the learning_rate that train decays: params -= learning_rate * grads", "training_rate"),
    Mistake("lr_set_to_decay", "the learning rate set to the decay factor (learning_rate = learning_rate_decay) "
            "instead of multiplied by it", "learning_rate *= learning_rate_decay", "training_decay"),
    Mistake("lr_decayed_by_complement", "the learning rate multiplied by 1 - learning_rate_decay at each epoch",
            "learning_rate *= learning_rate_decay: the decay is the factor kept", "training_decay"),
    Mistake("lr_decayed_before_loop", "the learning rate decayed {detail} before the first step as well (every "
            "rate a power of learning_rate_decay times the schedule's)", "decay only at the epochs' ends: learning_rate "
            "*= learning_rate_decay when it % iterations_per_epoch == 0, after the update", "training_decay"),
    Mistake("lr_decay_factor_wrong", "the learning rate multiplied by {detail} instead of by learning_rate_decay "
            "once per epoch", "learning_rate *= learning_rate_decay, once per epoch (when it % iterations_per_epoch == "
            "0), in one decay statement", "training_decay"),
    Mistake("update_previous_gradient", "the update using the previous iteration's gradient instead of this one's",
            "params -= learning_rate * grads, with the grads loss just returned", "training_update"),
    Mistake("lr_divided_by_batch_size", "the step's learning rate divided by the batch size (the loss is "
            "already a mean over the batch)", "params -= learning_rate * grads", "training_rate"),
    Mistake("momentum_in_update", "a momentum velocity in the update (v = mu v - lr g; params += v) instead of "
            "plain SGD", "params -= learning_rate * grads, no velocity", "training_update"),
    Mistake("update_grad_norm_clipped", "each gradient rescaled to norm {detail} when its norm is larger "
            "(gradient clipping)", "params -= learning_rate * grads, the gradient as it is: the notebook clips "
            "nothing", "training_update"),
    Mistake("update_global_norm_clipped", "all the gradients rescaled together to a joint norm of {detail} when "
            "their joint norm is larger (global gradient clipping)", "params -= learning_rate * grads, the gradients "
            "as they are: the notebook clips nothing", "training_update"),
    Mistake("update_grad_value_clipped", "each gradient's entries clipped to [-{detail}, {detail}] in the update "
            "(np.clip(grads, -c, c))", "params -= learning_rate * grads, the gradient as it is: the notebook clips "
            "nothing", "training_update"),
    Mistake("weight_decay_in_update", "a weight-decay term in the update (params -= lr (g + c params)): the "
            "regularisation applied twice", "params -= learning_rate * grads: the gradient already holds "
            "the reg term", "training_update"),
    Mistake("iteration_count_off_by_one", "train running one iteration too few or too many",
            "for it in range(num_iters): one loss call and one update per iteration", "training_update"),
    Mistake("loss_reads_first_params", "loss reading values the update never changes: every step's loss is the "
            "loss at the run's first params (e.g. the update puts new arrays in self.params, params[k] = params[k] "
            "- lr * grad, while the forward pass reads the ones it was built with, or a copy made in __init__)",
            "update in place, self.params[k] -= learning_rate * grads[k], or have the forward pass read "
            "self.params at every call", "training_update"),
    Mistake("lr_passed_as_reg", "train calling loss with the learning rate as reg (the arguments in another "
            "order: loss(X_batch, y_batch, learning_rate))", "pass reg by name: self.loss(X_batch, y=y_batch, "
            "reg=reg)", "training_update"),
    Mistake("lr_and_reg_swapped", "train stepping at reg and calling loss with the learning rate as reg (the two "
            "swapped in a call)", "pass both by name: self.loss(X_batch, y=y_batch, reg=reg), then params -= "
            "learning_rate * grads", "training_rate"),
    Mistake("reg_not_passed", "train calling loss without reg (loss's default, 0)",
            "self.loss(X_batch, y=y_batch, reg=reg)", "training_update"),
    Mistake("batch_of_num_train", "minibatches of num_train draws from the first batch_size rows "
            "(np.random.choice(batch_size, num_train): its arguments swapped)", "idx = np.random.choice(num_train, "
            "batch_size): batch_size draws from the num_train rows", "training_sampling"),
    Mistake("step_on_full_train", "train computing each step's loss and gradient on the whole training set, not "
            "on the minibatch", "step on the minibatch: loss, grads = self.loss(X[idx], y=y[idx], reg=reg)",
            "training_update"),
    Mistake("batch_size_fixed", "minibatches of {detail} examples, train's default, whatever batch_size is given",
            "draw batch_size examples: np.random.choice(num_train, batch_size) with the argument", "training_sampling"),
    Mistake("batch_size_capped", "the batch size capped at the number of training rows (min(batch_size, "
            "num_train))", "np.random.choice(num_train, batch_size): with replacement, a batch may be larger than "
            "the training set", "training_sampling"),
    Mistake("batches_in_order", "minibatches taken in order (consecutive rows of X) instead of drawn at random",
            "idx = np.random.choice(num_train, batch_size); X_batch, y_batch = X[idx], y[idx]",
            "training_sampling"),
    Mistake("batch_rng_not_seeded", "minibatches drawn from a random source np.random.seed does not set "
            "(np.random.default_rng(), the random module, ...): a run cannot be repeated",
            "draw from NumPy's global generator: np.random.choice(num_train, batch_size)", "training_sampling"),
    Mistake("batch_rng_reseeded", "train seeding NumPy's generator itself (np.random.seed inside train): the "
            "caller's seed does not change the minibatches", "leave the seed to the caller: draw from NumPy's "
            "generator as it is", "training_sampling"),
    Mistake("batch_skips_first_examples", "minibatch indices drawn from {detail} up: the first rows never drawn "
            "(np.random.randint(1, num_train)? its low bound is inclusive)", "np.random.choice(num_train, batch_size): "
            "indices 0 to num_train - 1", "training_sampling"),
    Mistake("batch_from_first_examples", "minibatches drawn from the first examples only, not from all num_train",
            "np.random.choice(num_train, batch_size): indices from the whole training set", "training_sampling"),
    Mistake("predict_cached", "predict's labels kept from an earlier call (cached by X, or params copied "
            "before): the params changed, the labels did not", "compute the labels from the current params on "
            "every call", "predict"),
    Mistake("predict_last_on_ties", "predict taking the last of tied highest scores (np.argmax takes the first)",
            "np.argmax(scores, axis=1): on ties it returns the first of the highest", "predict"),
    Mistake("predict_rows_dropped", "predict labelling only the first rows of X ({detail}: a loop stopping short, "
            "or the rows past its last whole chunk?)", "label every row: a loop over range(N), or over chunks "
            "X[start:start + chunk] up to N, the last partial chunk included (or predict all rows at once)", "predict"),
    Mistake("predict_softmax_unshifted", "predict taking the argmax of {detail} of scores not shifted by each row's "
            "max: exp overflows past ~709 (inf, then nan)", "np.argmax(scores, axis=1): the softmax keeps the order, "
            "so predict needs no exp at all", "predict"),
    Mistake("lr_scaled_by_batch_size", "the learning rate multiplied by batch_size / {detail}",
            "step with the learning_rate given: params -= learning_rate * grads, whatever the batch size",
            "training_rate"),
    Mistake("scores_cached", "loss(X) returning the scores of the params before they changed (scores cached by X)",
            "compute the scores from the current params on every call (or clear the cache when they change)", "scores"),
    Mistake("reg_kept_from_train", "loss using the reg of the last train call when called without one (reg kept "
            "on the instance)", "use the reg passed to loss, 0.0 by default; keep nothing of train's reg on the "
            "instance", "regulariser"),
    Mistake("reg_default_wrong", "loss's default reg={detail}, not the skeleton's 0.0",
            "def loss(self, X, y=None, reg=0.0)", "regulariser"),
    Mistake("lr_annealed_by_iteration", "the rate also divided by (it + 1) at every iteration (a 1/t annealing on "
            "top of the per-epoch decay)", "params -= learning_rate * grads, the rate changed only by the decay at "
            "each epoch", "training_rate"),
    Mistake("lr_inverted", "the gradient divided by the learning rate instead of multiplied by it (a step of "
            "grads / learning_rate)", "params -= learning_rate * grads", "training_rate"),
    Mistake("lr_times_batches_per_epoch", "the step's rate multiplied by num_train / batch_size (a minibatch mean "
            "scaled up as if it were a sum over the training set)", "params -= learning_rate * grads: the gradient is "
            "already a mean over the batch", "training_rate"),
    Mistake("update_at_epochs_only", "the params updated only at the epochs' first iterations (the update inside the "
            "once-per-epoch block)", "update the params at every iteration, outside the epoch test",
            "training_update"),
    Mistake("update_wrong_param", "updates applied to the wrong param: {detail}", "update each param with its own "
            "gradient: self.params[k] -= learning_rate * grads[k] for W1, b1, W2 and b2", "training_update"),
    Mistake("loss_history_negated", "the loss recorded with its sign flipped (the log-likelihood, not the loss)",
            "append the loss that loss() returned", "training_histories"),
    Mistake("loss_history_running_mean", "the running mean of the losses so far recorded instead of each "
            "iteration's loss", "append each iteration's minibatch loss", "training_histories"),
    Mistake("acc_error_rate", "the error rate (1 - accuracy: the wrong predictions counted) recorded as the accuracy",
            "append (predictions == labels).mean()", "training_histories"),
    Mistake("lr_and_decay_swapped", "learning_rate and learning_rate_decay swapped: the rate starts at the decay "
            "factor and is multiplied by the learning rate at each epoch", "pass each where it goes: the step at "
            "learning_rate, multiplied by learning_rate_decay once per epoch", "training_rate"),
    Mistake("reg_decayed_too", "reg decayed at each epoch along with the learning rate (the decay applied to both)",
            "decay the learning rate alone: reg stays as given", "training_decay"),
    Mistake("predict_hidden_argmax", "predict taking the argmax over the hidden units (the second layer left out)",
            "predict: the argmax over classes of the scores, h1 W2 + b2", "predict"),
    Mistake("update_assigned", "each param replaced by the step instead of moved by it (params = -learning_rate * "
            "grads: '=-' typed for '-=')", "params -= learning_rate * grads", "training_update"),
    Mistake("lr_over_epoch_length", "the step's rate divided by iterations_per_epoch (the learning rate spread "
            "over an epoch's steps)", "params -= learning_rate * grads: the rate is per step", "training_rate"),
    Mistake("acc_histories_one_list", "both accuracy histories one list (train_acc_history and val_acc_history "
            "bound to the same object): each holds both accuracies of every epoch in turn", "two lists: "
            "train_acc_history, val_acc_history = [], []", "training_histories"),
    Mistake("acc_best_so_far", "the best accuracy so far recorded at each epoch (a running maximum, as a "
            "best-model tracker keeps) instead of the epoch's own", "append the epoch's accuracy; keep the best "
            "apart if it is wanted", "training_histories"),
    Mistake("update_twice_undecayed", "two updates each iteration: one at the schedule's rate and one more at the "
            "undecayed learning_rate (a second update line left beside the first)", "one update per iteration: "
            "params -= learning_rate * grads, at the decayed rate", "training_update"),
    Mistake("iterations_in_whole_epochs", "train running whole epochs only: num_iters rounded {detail} to a "
            "multiple of iterations_per_epoch (num_iters turned into epochs and back)", "for it in range(num_iters): "
            "num_iters iterations, whatever the epochs", "training_update"),
    Mistake("predict_softmax_over_examples", "predict taking the argmax of a softmax over the examples (axis 0) "
            "instead of the scores' own argmax", "predict: np.argmax(scores, axis=1); a softmax, taken over the "
            "classes, would not change it", "predict"),
    Mistake("lr_decay_time_based", "the rate decayed by time: learning_rate / (1 + learning_rate_decay * epoch) "
            "(a framework's 'decay' argument) instead of multiplied by learning_rate_decay at each epoch",
            "learning_rate *= learning_rate_decay once per epoch", "training_decay"),
    Mistake("update_one_iteration_late", "each update applied at the next iteration with the gradients of the one "
            "before (the step placed before the loss call): the first step moves nothing, the last gradients are "
            "never applied", "compute the loss and gradients, then update with them in the same iteration",
            "training_update"),
    Mistake("gradients_accumulated", "every step taken with the sum of every gradient so far (a gradient buffer "
            "added to and never zeroed)", "step with this iteration's gradients alone: zero the buffer, or assign "
            "it, at each iteration", "training_update"),
    Mistake("loss_history_epoch_mean", "one loss per epoch recorded, the mean of the epoch's losses, instead of "
            "every iteration's", "append the minibatch loss at every iteration", "training_histories"),
    Mistake("histories_one_list", "the three histories one list (dict.fromkeys(keys, []), or a = b = c = []): "
            "each holds every loss and both accuracies of every epoch in turn", "three lists: "
            "loss_history, train_acc_history, val_acc_history = [], [], []", "training_histories"),
    Mistake("lr_multiplier_per_param", "a learning-rate multiplier of some params' own: {detail} the schedule's "
            "rate at every step, the others 1 x (a per-param lr_mult, as Caffe's for biases, or a param group with "
            "a rate of its own)", "one rate for every param: params -= learning_rate * grads, no per-param "
            "multiplier", "training_rate"),
    Mistake("update_repeated_for_param", "{detail}'s update applied twice or more per iteration (an update line "
            "left for it beside the loop over every param), the others once", "one update per param per "
            "iteration: params -= learning_rate * grads", "training_update"),
    Mistake("loss_history_smoothed", "an exponential moving average of the losses recorded (b = {detail}) instead "
            "of each iteration's loss", "append each iteration's minibatch loss; smooth a copy for the plot",
            "training_histories"),
    Mistake("predict_inputs_centred", "predict centring its inputs on their own batch's mean{detail} first "
            "(X - X.mean(axis=0), or its standard score): each row's label depends on the other rows",
            "predict: the argmax of the scores of X as given", "predict"),
    Mistake("batch_deduplicated", "each minibatch np.random.choice's draw with its repeated examples dropped "
            "(np.unique: sorted, and smaller than batch_size)", "X[indices], y[indices] with the draw as it is: "
            "repeats belong to sampling with replacement", "training_sampling"),
    Mistake("update_grad_normalised", "each param's gradient normalised to unit length before the step "
            "(normalised gradient descent: params -= lr * g / ||g||)", "params -= learning_rate * grads: the step "
            "scales with the gradient", "training_update"),
    Mistake("lr_undecayed_for_params", "{detail} stepped at the undecayed learning_rate throughout while the "
            "others follow the schedule (the decay applied to some params' rate only)", "one decayed rate for "
            "every param: params -= learning_rate * grads, learning_rate decayed once per epoch", "training_rate"),
    Mistake("lr_warmup", "the learning rate warmed up: the schedule's times min(1, (it + 1) / {detail}) over the "
            "first iterations", "step with the schedule's rate from the first iteration: the notebook has no "
            "warm-up", "training_rate"),
    Mistake("train_parameters_reordered", "train's parameters in another order than the skeleton's ({detail} "
            "moved): a positional call gives one the other's value", "def train(self, X, y, X_val, y_val, "
            "learning_rate=1e-3, learning_rate_decay=0.95, reg=5e-6, num_iters=100, batch_size=200, verbose=False)",
            "training_rate"),
    Mistake("train_parameters_renamed", "train's signature without the skeleton's {detail} (learning_rate "
            "named otherwise, lr say): a call by keyword raises", "def train(self, X, y, X_val, y_val, "
            "learning_rate=1e-3, learning_rate_decay=0.95, reg=5e-6, num_iters=100, batch_size=200, verbose=False)",
            "training_rate"),
    Mistake("train_parameter_missing", "train's signature without the skeleton's {detail}: a call by keyword "
            "raises", "def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95, reg=5e-6, "
            "num_iters=100, batch_size=200, verbose=False)", "training_update"),
    Mistake("lr_default_wrong", "train's default learning_rate={detail}, not the skeleton's 1e-3",
            "def train(self, X, y, X_val, y_val, learning_rate=1e-3, ...)", "training_rate"),
    Mistake("decay_default_wrong", "train's default {detail}, not the skeleton's 0.95",
            "def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95, ...)", "training_decay"),
    Mistake("batch_size_default_wrong", "train's default {detail}, not the skeleton's 200", "def train(self, X, y, "
            "X_val, y_val, ..., num_iters=100, batch_size=200, verbose=False)", "training_sampling"),
    Mistake("train_default_wrong", "train's default {detail}, not the skeleton's", "def train(self, X, y, X_val, "
            "y_val, learning_rate=1e-3, learning_rate_decay=0.95, reg=5e-6, num_iters=100, batch_size=200, "
            "verbose=False)", "training_update"),
    Mistake("update_only_when_verbose", "the update inside the progress-print block: the params change only "
            "when verbose=True (and then only at its iterations)", "update the params at every iteration, "
            "outside the `if verbose` block", "training_update"),
    Mistake("history_only_when_verbose", "a history recorded only when verbose=True (its append inside the "
            "progress-print block)", "record every history whatever verbose is; let verbose only print",
            "training_histories"),
    Mistake("num_iters_as_epochs", "num_iters taken as a number of epochs: train runs num_iters x "
            "iterations_per_epoch steps", "for it in range(num_iters): one minibatch step per iteration",
            "training_update"),
    Mistake("histories_kept_between_calls", "the histories kept between train calls (on the instance or the class): "
            "a call returns earlier calls' entries before its own", "start every call's histories afresh: local "
            "lists in train", "training_histories"),
    Mistake("train_shuffles_inputs", "train shuffling the caller's {detail} in place (np.random.shuffle on the "
            "arrays given; two calls apply two different orders)", "draw minibatch indices: idx = "
            "np.random.choice(num_train, batch_size); X[idx], y[idx], the arrays left as they are",
            "training_sampling"),
    Mistake("train_changes_inputs", "train changing the caller's {detail} in place (centred or cast where it is)",
            "work on copies: X = X - mean makes a new array, X -= mean changes the caller's", "training_update"),
    Mistake("verbose_changes_training", "train with verbose=True: it {detail} than with verbose=False (the progress "
            "print overwriting a variable train records?)", "let verbose only print: keep what the progress line "
            "computes in a variable of its own", "training_histories"),
    Mistake("lr_applied_twice", "the step {detail} * grads (learning_rate applied twice)",
            "params -= learning_rate * grads: one factor of the rate", "training_rate"),
    Mistake("lr_missing_for_params", "{detail} stepped without the learning rate (params -= grads)",
            "params -= learning_rate * grads for every param, the biases too", "training_rate"),
    Mistake("lr_decay_compounded", "the rate multiplied by learning_rate_decay ** {detail} at each epoch (the decay "
            "compounded on the rate already decayed)", "multiply by learning_rate_decay once per "
            "epoch: learning_rate *= learning_rate_decay", "training_decay"),
    Mistake("lr_float32", "the learning rate kept in float32 (np.float32): every step's rate rounded to float32, "
            "~1e-7 relative", "keep learning_rate and its decayed values as Python floats (float64)",
            "training_rate"),
    Mistake("decay_kept_between_calls", "the decay so far kept on the instance: a second train call starts from "
            "its learning_rate times the first call's decay", "start every call's decay afresh: a local variable",
            "training_decay"),
    Mistake("lr_kept_between_calls", "the learning rate kept on the instance: a second train call continues the "
            "first one's decayed rate", "start every call from the learning_rate given: a local variable",
            "training_rate"),
)

# Mistakes with a fitted number (a factor), named only when that number explains every problem.
FAMILIES = (
    Mistake("gradient_scaled", "{params}'s gradient a constant multiple of the true one",
            "the gradient of the loss you compute, with no extra factor (check the backward pass for {params})",
            "gradient"),
    Mistake("data_gradient_scaled", "the data part of {params}'s gradients a constant multiple of the true one "
            "(dscores scaled?)", "dscores = (probs - one_hot(y)) / N, with no other factor", "gradient"),
    Mistake("gradient_not_averaged", "{params}'s gradient not divided by the batch size N",
            "divide {params}'s gradient by N like the others (the loss is the mean over the batch)", "gradient"),
    Mistake("gradient_averaged_twice", "{params}'s gradient divided by the batch size N twice",
            "divide by N once: dscores /= N already makes {params}'s gradient a mean", "gradient"),
    Mistake("reg_gradient_scaled", "the regularisation gradient of {params} a multiple of reg * W other than 2",
            "add 2 * reg * W to the gradient of each weight: d/dW of reg * sum(W**2) is 2 * reg * W", "regulariser"),
    Mistake("reg_fixed", "the reg term at a fixed strength, {detail}, whatever reg is given (a helper's default "
            "reg used: the reg argument not passed on?)", "use the reg passed to loss: reg * (sum(W1**2) + "
            "sum(W2**2)), gradient 2 * reg * W", "regulariser"),
    Mistake("reg_scaled", "the regularisation strength a constant multiple of reg",
            "the notebook's loss is reg * (sum(W1**2) + sum(W2**2)), with gradient 2 * reg * W", "regulariser"),
    Mistake("reg_scaled_in_loss", "the regularisation term in the loss a constant multiple of the notebook's "
            "(its gradient is right)", "add exactly reg * (sum(W1**2) + sum(W2**2)) to the loss", "regulariser"),
    Mistake("reg_one_weight", "only {params} regularised",
            "regularise both weights: reg * (sum(W1**2) + sum(W2**2)), gradients 2 * reg * W1 and 2 * reg * W2",
            "regulariser"),
    Mistake("data_loss_scaled_in_loss", "the data loss a constant multiple of the mean cross-entropy "
            "(its gradient is right)", "loss = the mean over the batch of -log softmax(scores)[i, y[i]]: no extra "
            "factor (a log in another base?)", "data_loss"),
    Mistake("data_loss_scaled", "the data loss a constant multiple of the mean cross-entropy",
            "loss = the mean over the batch of -log softmax(scores)[i, y[i]], with no extra factor", "data_loss"),
    Mistake("reg_gradient_missing", "{params}'s regularisation gradient missing (the loss has reg * sum({params}**2))",
            "add 2 * reg * W to the gradient of each weight", "regulariser"),
    Mistake("reg_gradient_over_n", "{params}'s regularisation gradient divided by the batch size N",
            "add 2 * reg * W after dividing the data part by N: only the data loss is a mean over the batch",
            "regulariser"),
    Mistake("reg_gradient_sign", "reg * sign(W) as {params}'s regularisation gradient (an L1 norm's)",
            "d/dW of reg * sum(W**2) is 2 * reg * W", "regulariser"),
    Mistake("reg_gradient_times_n", "{params}'s regularisation gradient multiplied by the batch size N (added "
            "once per example, inside a loop over the examples?)", "add 2 * reg * W once, outside any loop over the "
            "examples: only the data loss is a mean over the batch", "regulariser"),
    Mistake("bias_reg_gradient", "a regularisation term c * reg * b in {params}'s gradient (the loss has none)",
            "the biases are not regularised: their gradient is the data part alone", "regulariser"),
    Mistake("gradient_one_example", "{params}'s gradient from {detail} alone (assigned, not summed, in a loop "
            "over the examples?)", "sum every example's term: accumulate with += in the loop (or sum over axis 0)",
            "gradient"),
    Mistake("reg_gradient_from_gradient", "{params}'s regularisation gradient a multiple of reg times {detail} "
            "instead of 2 * reg * W (a typo: dW += 2 * reg * dW for dW += 2 * reg * W?)",
            "add 2 * reg * W, the weight itself, to the data gradient: d/dW of reg * sum(W**2) is 2 * reg * W",
            "regulariser"),
    Mistake("gradient_norm_clipped", "{params}'s gradient rescaled to norm {detail} whenever its norm is larger "
            "(gradient clipping)", "return the gradient of the loss as it is: the notebook clips nothing",
            "gradient"),
    Mistake("loss_log_epsilon", "the data loss as {detail} at the correct class: a constant guarding the log",
            "loss = the mean of log(sum(exp(s - max))) - (s[y] - max): exact, and never log(0), with no constant",
            "data_loss"),
    Mistake("grads_under_other_keys", "the gradients returned under each other's keys ({detail})",
            "return each gradient under its own param's name: grads['W1'] = dW1, grads['b1'] = db1, ...", "gradient"),
    Mistake("data_loss_averaged_twice", "the data loss divided by the batch size N twice",
            "loss = the mean over the batch of -log softmax(scores)[i, y[i]]: divide the sum by N once", "data_loss"),
    Mistake("data_loss_over_classes", "the summed data loss divided by the number of classes C instead of by N",
            "divide the summed cross-entropy by N, the number of examples (X.shape[0])", "data_loss"),
    Mistake("data_loss_over_inputs", "the summed data loss divided by the number of inputs D (X.shape[1]) "
            "instead of by N", "divide the summed cross-entropy by N, the number of examples (X.shape[0])",
            "data_loss"),
)


# One change in the backward pass (backward.py).
BACKWARD = (
    Mistake("gradient_aliases_param", "{params}'s gradient computed in the array of {params} itself (dW = W, "
            "then in-place ops): every call to loss overwrites the weights with their gradient",
            "start each gradient in a new array: dW = 2 * reg * W (or W.copy()), never dW = W (or a shallow "
            "copy of params) followed by dW *= or dW +=", "gradient"),
    Mistake("reg_gradient_in_weights", "the reg term's gradient computed in the array of {params} itself (grad = W; "
            "grad *= 2 * reg): every call to loss leaves {params} multiplied by 2 * reg, and what reads them later "
            "in the backward pass or the next call sees the scaled weights", "compute the reg gradient in a new "
            "array: 2 * reg * W (or W.copy() before any in-place op), never grad = W followed by grad *= ...",
            "regulariser"),
    Mistake("dW2_from_hidden_gradient", "W2's gradient computed from {detail} in place of h1, the ReLU's output "
            "(a variable overwritten?)", "dW2 = h1.T @ dscores + 2 * reg * W2, with h1 = max(0, z1) from the forward "
            "pass; keep the hidden layer's gradient in a variable of its own", "gradient"),
    Mistake("gradient_before_subtract_one", "{params}'s gradient from the probabilities before 1 is subtracted at "
            "the correct class", "compute dscores (probs with 1 subtracted at y, over N) before every gradient "
            "that uses it", "gradient"),
    Mistake("dW2_from_other_hidden", "W2's gradient from the hidden layer of another forward pass ({detail}) "
            "than the loss's (the hidden layer recomputed in the backward pass?)", "dW2 = h1.T @ dscores + 2 * reg "
            "* W2, with the h1 = max(0, X W1 + b1) of the forward pass", "gradient"),
    Mistake("relu_derivative_wrong", "the ReLU's derivative taken as {detail} instead of the mask (z1 > 0)",
            "dz1 = dh1 * (z1 > 0): the ReLU passes the gradient where its input is positive", "gradient"),
    Mistake("bias_gradient_keepdims", "{params}'s gradient of shape (1, size) (summed with keepdims=True): its "
            "values right, its shape not the param's", "np.sum(..., axis=0) without keepdims: the gradient has the "
            "param's shape", "gradient"),
    Mistake("bias_gradient_wrong_axis", "{params}'s gradient summed over axis 1 instead of over the examples",
            "sum over the examples: np.sum(..., axis=0)", "gradient"),
    Mistake("hidden_gradient_from_values", "{params}'s gradient computed from {detail} in place of dz1, the masked "
            "upstream gradient (a variable mixed up?)", "dz1 = (dscores @ W2.T) * (z1 > 0); dW1 = X.T @ dz1 + "
            "2 * reg * W1, db1 = dz1.sum(axis=0)", "gradient"),
    Mistake("gradient_transposed", "{params}'s gradient transposed", "the gradient has the parameter's shape: "
            "dW1 = X.T @ dz1, dW2 = h1.T @ dscores", "gradient"),
    Mistake("dscores_plus_one", "dscores with 1 added at the correct class instead of subtracted",
            "dscores[np.arange(N), y] -= 1", "gradient"),
    Mistake("dscores_set_to_minus_one", "dscores set to -1 at the correct class instead of having 1 subtracted",
            "dscores[np.arange(N), y] -= 1 (subtract, don't assign)", "gradient"),
    Mistake("dscores_every_label", "dscores with 1 subtracted in every row at every label of the batch "
            "(dscores[:, y] -= 1), not once per row at its own", "dscores[np.arange(N), y] -= 1: row i at its "
            "label y[i]", "gradient"),
    Mistake("dscores_divided_first", "dscores divided by N before subtracting 1 at the correct class "
            "(probs / N - one_hot(y))", "subtract 1 at the correct class first, then divide by N", "gradient"),
    Mistake("gradient_example_left_out", "{params}'s gradient without {detail} example's term (a loop over "
            "range(1, N) or range(N - 1)?)", "sum every example's term: for i in range(N)", "gradient"),
    Mistake("dscores_from_scores", "dscores from the scores themselves, (scores - one_hot(y)) / N, instead of "
            "the softmax's probabilities", "dscores = (softmax(scores) - one_hot(y)) / N", "gradient"),
    Mistake("dscores_at_predicted", "dscores with 1 subtracted at each example's predicted class (the argmax "
            "of its scores) instead of at its label y", "dscores[np.arange(N), y] -= 1: the correct class, "
            "whatever the net predicts", "gradient"),
    Mistake("dscores_sign_flipped", "dscores = one_hot(y) - probs: the gradient of the scores with its sign "
            "flipped", "dscores = probs - one_hot(y), over N", "gradient"),
)


SUM_SQ = "reg * (sum(W1**2) + sum(W2**2))"
# Another penalty or strength in the regulariser (regularisers.py).
REGULARISERS = (
    Mistake("reg_l1", "an L1 penalty reg * sum(|{params}|) instead of reg * sum({params}**2)",
            f"the notebook's regulariser is {SUM_SQ}, with gradient 2 * reg * W", "regulariser"),
    Mistake("reg_mean", "the mean of the squares, reg * mean({params}**2), instead of their sum",
            f"sum the squares: {SUM_SQ}", "regulariser"),
    Mistake("reg_norm", "the norm reg * sqrt(sum({params}**2)) instead of its square",
            f"the squared norm: {SUM_SQ}", "regulariser"),
    Mistake("reg_linear", "reg * sum({params}), the weights not squared",
            f"square the weights: {SUM_SQ}", "regulariser"),
    Mistake("reg_square_of_sum", "reg * sum({params})**2, the square of the sum instead of the sum of squares",
            f"square each weight, then sum: {SUM_SQ}", "regulariser"),
    Mistake("reg_squared", "the strength reg**2 instead of reg", f"{SUM_SQ}, reg itself", "regulariser"),
    Mistake("reg_not_multiplied", "{params}'s squares added without the factor reg (a misplaced parenthesis?)",
            f"multiply the whole sum by reg: {SUM_SQ}", "regulariser"),
    Mistake("reg_times_n", "the reg term multiplied by the batch size N (added once per example, inside a loop "
            "over the examples?)", f"add {SUM_SQ} once, outside any loop over the examples", "regulariser"),
    Mistake("reg_over_n", "the reg term divided by the batch size N", f"{SUM_SQ}: only the data loss is a mean over "
            "the batch", "regulariser"),
)


def look_first(part, params=()):
    """Where to look first for a mistake in ``part`` (``params``: the gradients concerned)."""
    return PARTS[part][1].format(params=", ".join(f"'{k}'" for k in params) or "...")
