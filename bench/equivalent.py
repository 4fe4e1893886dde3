"""The mutants no test can kill, with the reason for each: the mutated code computes the same
thing as the real code wherever the package can run it. bench.mutation and bench.deletion leave
them out of a module's score (docs/verification.md, "Equivalent mutants")."""

# bench.mutation's (mutmut's operators), named as mutmut names them.
EQUIVALENT = {
    # artifacts: reading the whole file instead of its first bytes makes the same decisions on them;
    # open() sets strerror on every OSError it raises; np.load's default allow_pickle is False
    "jaxnet.artifacts.x__read_npz__mutmut_8": "the whole file starts with the same bytes",
    "jaxnet.artifacts.x__read_npz__mutmut_14": "open()'s OSError always has a strerror",
    "jaxnet.artifacts.x__read_npz__mutmut_32": "allow_pickle=None is falsy: no pickles",
    "jaxnet.artifacts.x__read_npz__mutmut_34": "np.load's default allow_pickle is False",
    # preprocess: rows are independent, so the chunk length changes no number; NumPy's reshape takes
    # any negative length as the unknown one; k is never 0 (components or D); the matrix is float64
    # already, and a float32 scale times float64 weights is the same float64 product
    "jaxnet.preprocess.x_apply__mutmut_1": "the chunk length changes no number",
    "jaxnet.preprocess.x_fit__mutmut_35": "reshape(-2, C) is reshape(-1, C)",
    "jaxnet.preprocess.x_fit__mutmut_94": "k = components or D is never 0",
    "jaxnet.preprocess.x_pixel_weights__mutmut_10": "the fitted matrix is float64 already",
    "jaxnet.preprocess.x_pixel_weights__mutmut_12": "the fitted matrix is float64 already",
    "jaxnet.preprocess.x_pixel_weights__mutmut_20": "float32 times float64 is the float64 product",
    "jaxnet.preprocess.x_pixel_weights__mutmut_22": "float32 times float64 is the float64 product",
    # _thread.interrupt_main's signal is SIGINT unless told otherwise
    "jaxnet.cli.interrupts.x__interrupt_again__mutmut_4": "interrupt_main() sends SIGINT by default",
    "jaxnet.cli.interrupts.x__interrupt_again__mutmut_7": "interrupt_main() sends SIGINT by default",
    # cli/checkpoint: the mean image the programs record is data.get_cifar10_data's, float64 already;
    # a preprocess.npz without its params' fingerprint is refused whatever string stands in for it;
    # metrics.json without "config": None.get raises the AttributeError that is suppressed into None
    "jaxnet.cli.checkpoint.x_scoring_record__mutmut_18": "the mean image is float64 already",
    "jaxnet.cli.checkpoint.x_scoring_record__mutmut_20": "the mean image is float64 already",
    "jaxnet.cli.checkpoint.x__own_preprocessing__mutmut_10": "no fingerprint string matches: refused",
    "jaxnet.cli.checkpoint.x__own_preprocessing__mutmut_15": "no fingerprint string matches: refused",
    "jaxnet.cli.checkpoint.x__recorded_preprocessing__mutmut_9": "None.get is suppressed into None",
    "jaxnet.cli.checkpoint.x__recorded_preprocessing__mutmut_11": "None.get is suppressed into None",
    # plots: matplotlib reads backend names and axis("off") in any case; a flat tile's numerator is
    # zero whatever it is divided by; subplots' ncols defaults to 1; reshape takes -2 as -1
    "jaxnet.plots.x_pyplot__mutmut_3": "backend names are case-insensitive",
    "jaxnet.plots.x_pyplot__mutmut_4": "backend names are case-insensitive",
    "jaxnet.plots.x_visualize_grid__mutmut_49": "a flat tile's numerator is 0",
    "jaxnet.plots.x_save_curves__mutmut_7": "subplots(2) is subplots(2, 1)",
    "jaxnet.plots.x_save_weights__mutmut_12": "reshape(-2, ...) is reshape(-1, ...)",
    "jaxnet.plots.x_save_weights__mutmut_29": "Axes.axis lowercases its argument",
    # cli/gap_study's figure: squeeze=None is false; a line's x defaults to 0..n-1, the positions;
    # the legend's one "each seed" entry whichever seed carries it; axhline's y defaults to 0
    "jaxnet.cli.gap_study.x_plot__mutmut_7": "squeeze=None is squeeze=False",
    "jaxnet.cli.gap_study.x_plot__mutmut_42": "x defaults to arange(n), the positions",
    "jaxnet.cli.gap_study.x_plot__mutmut_51": "the same legend whichever seed carries the label",
    "jaxnet.cli.gap_study.x_plot__mutmut_73": "axhline's y defaults to 0",
    "jaxnet.cli.gap_study.x_main__mutmut_14": "argparse's default is None already",
    # cli/train_cifar10: the scoring recipe's preprocessing decides only the views' image shape, and
    # PCA, the one kind that changes it, refuses views; plotting=None and add_help=None are false;
    # `every` is read by its truth ("" as None); a batch is never larger than the training rows, so
    # both samplings' epochs are num_train // batch_size updates; argparse's default is None already
    "jaxnet.cli.train_cifar10.x_evaluate_checkpoint__mutmut_66": "PCA, the one shape-changing kind, has no views",
    "jaxnet.cli.train_cifar10.x_evaluate_checkpoint__mutmut_67": "PCA, the one shape-changing kind, has no views",
    "jaxnet.cli.train_cifar10.x_evaluate_checkpoint__mutmut_77": "plotting=None is plotting=False",
    "jaxnet.cli.train_cifar10.x_parse_args__mutmut_3": "add_help=None is add_help=False",
    "jaxnet.cli.train_cifar10.x_run__mutmut_83": "every is read by its truth: '' as None",
    "jaxnet.cli.train_cifar10.x_run__mutmut_87": "batch <= rows: both samplings' epochs are rows // batch",
    "jaxnet.cli.train_cifar10.x_run__mutmut_90": "batch <= rows: both samplings' epochs are rows // batch",
    "jaxnet.cli.train_cifar10.x_build_parser__mutmut_73": "argparse's default is None already",
    # cli/sweep_cifar10: the same epoch for both samplings (as train_cifar10's); the grid never reads
    # min_iters (only jaxnet.search takes it); an axis's values share argparse's one type, so a NumPy
    # array of them gives back, by .item(), the Python numbers the object array holds
    "jaxnet.cli.sweep_cifar10.x_run__mutmut_42": "batch <= rows: both samplings' epochs are rows // batch",
    "jaxnet.cli.sweep_cifar10.x_run__mutmut_45": "batch <= rows: both samplings' epochs are rows // batch",
    "jaxnet.cli.sweep_cifar10.x_run__mutmut_29": "min_iters is read by --search halving only",
    "jaxnet.cli.sweep_cifar10.x_run__mutmut_30": "min_iters is read by --search halving only",
    "jaxnet.cli.sweep_cifar10.x_sample__mutmut_48": ".item() gives back the same Python numbers",
    "jaxnet.cli.sweep_cifar10.x_sample__mutmut_50": ".item() gives back the same Python numbers",
    "jaxnet.cli.sweep_cifar10.x_build_parser__mutmut_51": "argparse's default is None already",
    "jaxnet.cli.sweep_cifar10.x_build_parser__mutmut_62": "argparse's default is None already",
    "jaxnet.cli.sweep_cifar10.x_build_parser__mutmut_74": "argparse's default is None already",
    "jaxnet.cli.sweep_cifar10.x_build_parser__mutmut_93": "argparse's default is None already",
    # each later value of an axis is checked against its own bounds, beside the flags given; the
    # fields of the base left (the notebook grid's or the defaults) enter no axis value's check
    "jaxnet.cli.sweep_cifar10.x_grid__mutmut_21": "the base's other fields enter no axis value's check",
    # a trailing None in a PartitionSpec is the same unsplit axis
    "jaxnet.parallel.x_batch_sharding__mutmut_11": "P(axis, None) is P(axis)",
    # np.nditer(x, flags=["multi_index"], op_flags=["readwrite"]): the iterator only yields
    # indices; x is written through x[ix], so a read-only iterator (no op_flags) is the same.
    "reference.gradient_check.x_eval_numerical_gradient__mutmut_8": "nditer only gives indices",
    "reference.gradient_check.x_eval_numerical_gradient__mutmut_11": "nditer only gives indices",
    # The cosine schedules' lengths, max(num_iters, warmup + 1) -> warmup + 2 and
    # max(num_iters, 1) -> 2: they differ only at counts >= num_iters, which a run never uses.
    "jaxnet.optimizer.x_make_schedule__mutmut_35": "differs only after the run's last update",
    "jaxnet.optimizer.x_make_schedule__mutmut_46": "differs only after the run's last update",
    # jaxnet/data.py: sizes of reads, case-insensitive names, and the temporary folder's
    # internal names, none of which changes a byte of what is loaded or written.
    "jaxnet.data.x__fetch__mutmut_1": "_fetch's default is never used: its caller passes progress",
    "jaxnet.data.x__fetch__mutmut_6": "a 61 s timeout instead of 60 s",
    "jaxnet.data.x__fetch__mutmut_19": "HTTP header names are case-insensitive",
    "jaxnet.data.x__fetch__mutmut_20": "HTTP header names are case-insensitive",
    "jaxnet.data.x__fetch__mutmut_46": "the read size changes speed, not the bytes",
    "jaxnet.data.x__fetch__mutmut_48": "the read size changes speed, not the bytes",
    "jaxnet.data.x__fetch__mutmut_49": "the read size changes speed, not the bytes",
    "jaxnet.data.x__md5__mutmut_13": "the read size changes speed, not the digest",
    "jaxnet.data.x__md5__mutmut_15": "the read size changes speed, not the digest",
    "jaxnet.data.x__md5__mutmut_16": "the read size changes speed, not the digest",
    "jaxnet.data.x__missing_message__mutmut_24": "a join over one element never uses its separator",
    "jaxnet.data.x__unpickle__mutmut_12": "codec names are case-insensitive (LATIN1 is latin1)",
    "jaxnet.data.x_load_batch__mutmut_75": "NumPy reads reshape(-2) as reshape(-1)",
    "jaxnet.data.x_get_cifar10_data__mutmut_32": "NumPy reads reshape(-2) as reshape(-1)",
    "jaxnet.data.x_get_cifar10_data__mutmut_20": "the mean of uint8 images is float64 already",
    "jaxnet.data.x_get_cifar10_data__mutmut_23": "the mean of uint8 images is float64 already",
    "jaxnet.data.x_get_cifar10_data__mutmut_43": "a chunk step of 1 writes the same values, slower",
    "jaxnet.data.x_get_cifar10_data__mutmut_53": "casting rules differ only for integer dtypes",
    **{f"jaxnet.data.x_download_cifar10__mutmut_{n}": "the temporary folder's internal names"
       for n in (19, 21, 23, 24, 27, 28, 42, 43)},
    "jaxnet.data.x_download_cifar10__mutmut_56": "_safe_members has refused unsafe archives: all members are the same set",
    "jaxnet.data.x_download_cifar10__mutmut_59": "_safe_members has refused unsafe archives: all members are the same set",
    # jaxnet/state.py: the params and optimizer skeleton's dtypes (only its structure is used).
    **{f"jaxnet.state.x__from_header__mutmut_{n}":
       "the skeleton gives only the tree and shapes; loaded arrays keep the file's dtypes"
       for n in (50, 52, 56, 58, 62, 64, 68, 70, 81)},
    # jaxnet/cli/common.py: argparse's own defaults (store_const's const is None; dest is
    # derived from the first long flag, as written).
    "jaxnet.cli.common.x_new_parser__mutmut_109": "store_const's const defaults to None",
    "jaxnet.cli.common.x_new_parser__mutmut_188": "argparse derives the same dest from the flag",
    "jaxnet.cli.common.x_new_parser__mutmut_192": "argparse derives the same dest from the flag",
    # jaxnet/model.py's cross-entropy: take_along_axis's default axis is -1 (here 1); JAX
    # clamps an index past an axis's end (the gathered (N, 1) column's [:, 1] is its [:, 0]);
    # and the label-smoothing term's mean over every score equals the mean of the row means.
    "jaxnet.model.x_cross_entropy__mutmut_11": "take_along_axis's default axis is the last",
    "jaxnet.model.x_cross_entropy__mutmut_13": "JAX clamps the index past the (N, 1) column",
    "jaxnet.model.x_cross_entropy__mutmut_17": "every row has C scores: the same mean, to rounding",
    "jaxnet.model.x_cross_entropy__mutmut_19": "every row has C scores: the same mean, to rounding",
    # jaxnet/loop.py: the skipped step ignores the step's keyword arguments; an epoch's rows
    # are a pure function of (key, epoch), so drawing them again gives the same table; with
    # given rows the table is carried but never read; the sampling, which changes an epoch's
    # length only for a batch larger than the data, refused for "epoch" before it is counted;
    # arange's default integer dtype, which folds in the same epoch.
    **{f"jaxnet.loop.x_run_piece__mutmut_{n}": "_skipped_step ignores noise_key, hp and plan"
       for n in (15, 16, 17)},
    "jaxnet.loop.x_run_piece__mutmut_54": "an epoch's rows are a pure function of (key, epoch): drawn again, the same table",
    "jaxnet.loop.x_run_piece__mutmut_107": "with given rows the row table is never read",
    "jaxnet.loop.x_run_piece__mutmut_109": "with given rows the row table is never read",
    "jaxnet.loop.x_iterations_per_epoch__mutmut_1": "every sampling but \"epoch\" counts the same",
    "jaxnet.loop.x_iterations_per_epoch__mutmut_2": "every sampling but \"epoch\" counts the same",
    **{f"jaxnet.loop.x_{name}": "\"epoch\" sampling of a batch larger than the data is refused first"
       for name in ("make_plan__mutmut_54", "make_plan__mutmut_57",
                    "sample_batch_indices__mutmut_23", "sample_batch_indices__mutmut_26")},
    "jaxnet.loop.x_sample_batch_indices__mutmut_48": "fold_in takes the epoch as uint32 from any integer dtype",
    "jaxnet.loop.x_sample_batch_indices__mutmut_50": "fold_in takes the epoch as uint32 from any integer dtype",
    # jaxnet/augment.py's crops: dynamic_slice takes (H, W, C) from channel 0, so a padded
    # extra channel is never read; JAX clamps an index past the end (o[2] of two offsets is
    # o[1]) and a slice start that would overrun (channel 1 of C is 0); and a (B, 3) draw of
    # the offsets is another uniform draw of the same grid (no promise fixes a key's crops).
    "jaxnet.augment.x_random_crop__mutmut_10": "the extra padded channel is never sliced",
    "jaxnet.augment.x_random_crop__mutmut_20": "another uniform draw of the same offsets",
    "jaxnet.augment.x_random_crop__mutmut_35": "JAX clamps o[2] of a pair to o[1]",
    "jaxnet.augment.x_random_crop__mutmut_36": "JAX clamps the channel start so that C channels fit: 0",
    # jaxnet/fitting.py: on one device data parallelism is the plain run; an empty label array's
    # dtype is never read; score returns None for no labels, so the test score's guards only
    # skip a call; block_until_ready only moves where a failed allocation raises and what the
    # clock reads.
    **{f"jaxnet.fitting.x_fit__mutmut_{n}": "on one device a data-parallel run is the plain run"
       for n in (2, 68, 75)},
    **{f"jaxnet.fitting.x_fit__mutmut_{n}": "an empty label array's dtype is never read" for n in (129, 131)},
    **{f"jaxnet.fitting.x_fit__mutmut_{n}": "score returns None for no labels" for n in (149, 157)},
    **{f"jaxnet.fitting.x_fit__mutmut_{n}": "only where a failed allocation raises, or the clock, sees it"
       for n in (53, 102)},
    # jaxnet/training.py: labels and given rows as int64 (x64 on) rather than int32 index and
    # compare the same; _minibatches never reads its plan argument; piece_bounds' default
    # per_epoch is never used (its one caller passes it).
    **{f"jaxnet.training.x_to_device__mutmut_{n}": "int64 labels index and compare as int32 ones"
       for n in (14, 16, 22, 24)},
    **{f"jaxnet.training.x__minibatches__mutmut_{n}": "int64 rows index the same rows as int32 ones"
       for n in (16, 18)},
    "jaxnet.training.x_prepare__mutmut_107": "_minibatches never reads its plan argument",
    "jaxnet.training.x_piece_bounds__mutmut_1": "piece_bounds' one caller passes per_epoch",
    # jaxnet/sweeps.py: rungs() adds no rung after which fewer than two configs would run on
    # (n > eta**(rungs - 1)), so ceil(running / eta) is >= 2 at every halving and max(1, .) never
    # decides; a group's loss history is (configs, iterations); every config trains to the first
    # rung, which sets its iterations; an optimizer's first state (zeros like the params, a count)
    # reads no traced option; tqdm's default unit is "it"; a show function cuts the pieces at
    # epoch boundaries (a run in pieces is the same bits) and a disabled bar draws nothing; an X
    # that is not 2-D is refused before D is compared; None is False; in a sweep (updates not
    # skipped) a non-finite loss leaves non-finite params, so every later loss is non-finite too
    # and `diverged = ...` per rung stays True as `|=` does.
    "jaxnet.sweeps.x__halve__mutmut_7": "ceil(running / eta) >= 2 at every halving rungs() makes",
    "jaxnet.sweeps.x__total__mutmut_15": "ceil(running / eta) >= 2 at every halving rungs() makes",
    "jaxnet.sweeps.x__show_group__mutmut_5": "a group's history is (configs, iterations): shape[1] is shape[-1]",
    "jaxnet.sweeps.x_search__mutmut_128": "the first rung, which every config trains to, sets iterations",
    "jaxnet.sweeps.x_search__mutmut_142": "the optimizer's first state reads no traced option",
    "jaxnet.sweeps.x_search__mutmut_186": "tqdm's default unit is 'it'",
    "jaxnet.sweeps.x_search__mutmut_230": "pieces cut at epochs give the same bits; a disabled bar draws nothing",
    **{f"jaxnet.sweeps.x_search__mutmut_{n}": "an X that is not 2-D is refused whatever D is"
       for n in (35, 36)},
    "jaxnet.sweeps.x_search__mutmut_55": "stop_on_divergence=None is False",
    "jaxnet.sweeps.x_search__mutmut_268": "a non-finite loss in a sweep leaves every later loss non-finite",
    # jaxnet/recipe.py: the sampling left out of iterations_per_epoch changes an epoch's length
    # only for a batch larger than the data, which "epoch" sampling refuses (as in loop.py).
    **{f"jaxnet.recipe.xǁRecipeǁconfig__mutmut_{n}": "differs only for a batch larger than the data, "
       "which 'epoch' sampling refuses" for n in (6, 9)},
    # a file that could not run fails every check: None, like False, scores 0 and reads "failed"
    "reference.checker.formats.x_gradescope_json__mutmut_14": "None is false: the same score 0 and status",
    # the mask is read by setting another and putting it back: 1 instead of 0 for that instant
    "reference.checker.cli.x__umask__mutmut_3": "umask(1) returns the same mask and it is put back at once",
    # the results list is empty before the files' checks: = and += give the same list
    "reference.checker.cli.x_main__mutmut_13": "results is [] before it: [] + list is the list",
    # argparse's default is None; allow_abbrev=None is false as False is
    "reference.checker.cli.x_parse_args__mutmut_155": "argparse's default is None already",
    "reference.checker.cli.x_parse_args__mutmut_4": "allow_abbrev=None: argparse tests it for truth",
    # float() reads "INF" as it reads "inf"
    "reference.checker.cli.x_points_entry__mutmut_19": "float('INF') is float('inf')",
    # report: the width of the check names is read only by a check's line, and a file with no
    # checks has none; with at most two mistakes, the first three are the first two
    "reference.checker.report.x_render__mutmut_20": "no checks: the width is never read",
    "reference.checker.report.x_render__mutmut_23": "no checks: the width is never read",
    "reference.checker.report.x_summary_lines__mutmut_22": "len(findings) <= 2: [:3] is [:2]",
    # written: _close compares the code's numbers (arrays read from its npz, no objects) with the
    # oracle's float64 ones: NumPy promotes either to float64 in the subtraction; the bound's floor
    # is max(1.0, ...) already, so np.max's initial 1 changes nothing; astype(None) is float64
    **{f"reference.checker.written.x__close__mutmut_{n}": "a number array minus float64 is float64"
       for n in (5, 7, 9, 11)},
    "reference.checker.written.x__close__mutmut_32": "max(1.0, max(initial=1)) is max(1.0, max(initial=0))",
    "reference.checker.written.x__other_sizes_inputs__mutmut_2": "astype(None) is astype(float64)",
    # rates: a first step without any gradient has nanmedian NaN, which close() takes as equal, as
    # it takes learning_rate itself
    "reference.checker.rates.x_schedule_part__mutmut_18": "an all-NaN first step: NaN is close, as learning_rate is",
    # rates.decay_factor: the epochs' boundaries start at iteration 0 (problems.epoch_boundaries), as
    # range(T) does: both passes read the same first ratio, and boundaries[0] adds nothing
    "reference.checker.rates.x_decay_factor__mutmut_10": "boundaries[0] is 0: b1 + b0 is b1 - b0",
    "reference.checker.rates.x_decay_factor__mutmut_44": "both passes start at step 0: one f, skipped by both",
    # fitted_update's last term: break and continue both end the loop
    "reference.checker.rates.x_fitted_update__mutmut_96": "the last term: break ends the loop as continue does",
    # f - 1 is a multiple of 2**-53 and 1e-6 is not: |f - 1| is never exactly RATE_TOL
    "reference.checker.rates.x_decay_factor__mutmut_39": "|f - 1| == 1e-6 has no float solution",
    # The same argument for other bounds: x - n for a float x within a factor 2 of n is exact and a
    # multiple of 2**-53 (2**-52 above 1, 2**-51 above 2), and 1e-6, 2e-6 and 3e-6 are not: "<" and
    # "<=" (or ">" and ">=") against them differ for no input
    **{f"reference.checker.rates.{name}": why for name, why in (
        ("x_rate_changes__mutmut_11", "|r - 1| == 1e-6 has no float solution"),
        ("x_judge_schedule__mutmut_68", "|c - 1| == 1e-6 has no float solution"),
        ("x_judge_schedule__mutmut_92", "|k - round(k)| == 1e-6 has no float solution for k >= 0.5"),
        ("x_judge_schedule__mutmut_180", "|c * batch_size - 1| == 1e-6 has no float solution"),
        ("x_decay_factor__mutmut_78", "|k * per_epoch - 1| == 1e-6 has no float solution"),
        ("x_fitted_update__mutmut_95", "|a - 1| == 1e-6 has no float solution"),
        ("x_scaled_cause__mutmut_15", "|c - k| == 1e-6 k has no float solution for k = 2, 3"),
    )},
    # rates.warmup_length: a first ratio in [1, 2) gives K = round(1 / ratio) = 1, refused as K < 2
    "reference.checker.rates.x_warmup_length__mutmut_15": "a first ratio of 1 gives K = 1, refused",
    "reference.checker.rates.x_warmup_length__mutmut_16": "a first ratio in [1, 2) gives K = 1, refused",
    # rates.judge_schedule: lr_divided_by_batch_size's title has no {detail} to fill
    "reference.checker.rates.x_judge_schedule__mutmut_173": "the title has no {detail}: any fill is dropped",
    # Bounds a computed float meets exactly only by a coincidence of rounding: a norm, a log or a
    # ratio of computed values equal to a tolerance times another (replay's bounds, where the value
    # can be placed by hand, are tested: test_the_replays_tolerances_include_their_bounds)
    **{f"reference.checker.rates.{name}": "a computed value exactly at its bound: a coincidence of rounding"
       for name in ("x_assigned_step__mutmut_11", "x_accumulated_step__mutmut_19", "x_fitted_update__mutmut_101",
                    "x_value_clip__mutmut_23", "x_value_clip__mutmut_38", "x_rounded_rates__mutmut_41",
                    "x_uneven_rates__mutmut_13", "x_decay_factor__mutmut_42", "x_decay_factor__mutmut_70",
                    "x_judge_schedule__mutmut_144")},
    # training_checks.oracle_run: the reference's histories are lists of Python or NumPy floats,
    # which np.asarray makes float64 with or without the dtype
    "reference.checker.training_checks.x_oracle_run__mutmut_19": "a list of floats is float64 already",
    "reference.checker.training_checks.x_oracle_run__mutmut_21": "a list of floats is float64 already",
    # training_checks.verbose_difference: the verbose run's problem differs from the main run's in
    # verbose alone, which run_rows and judge_run do not read (as its deletion, below)
    **{f"reference.checker.training_checks.x_verbose_difference__mutmut_{n}": "verbose only prints: nothing judged reads it"
       for n in (6, 7, 8, 9)},
    # replay: the training problem's params are float64: np.array copies them as float64 either way
    "reference.checker.replay.x_replayed_steps__mutmut_187": "the problem's params are float64 already",
    "reference.checker.replay.x_replayed_steps__mutmut_189": "the problem's params are float64 already",
    # replay.line_losses: einsum's subscripts are letters, upper case as good as lower; the same axes
    "reference.checker.replay.x_line_losses__mutmut_44": "einsum subscripts ND,RDH->RNH name the same axes",
    "reference.checker.replay.x_line_losses__mutmut_55": "einsum subscripts RNH,RHC->RNC name the same axes",
    # replay.line_roots' bisection: nine rounds of 33 points narrow a cell of 0.005 x scale to
    # 1.4e-16 x scale, a double's precision of the rate; other counts of points or rounds that narrow
    # at least as much find the same root to that precision
    "reference.checker.replay.x_line_roots__mutmut_47": "a tenth round narrows below a double's precision",
    "reference.checker.replay.x_line_roots__mutmut_54": "50 points a round narrow more than 33",
    "reference.checker.replay.x_line_roots__mutmut_55": "34 points a round narrow more than 33",
    "reference.checker.replay.x_line_roots__mutmut_74": ("each point's sign against the first's: the first that "
                                                         "differs is the first sign change"),
    "reference.checker.replay.x_line_roots__mutmut_35": ("sign(a) / sign(b) <= 0 as sign(a) * sign(b) but where the "
                                                         "loss meets the target exactly at a grid point; the root "
                                                         "is then found from the next cell, to the same precision"),
    "reference.checker.replay.x_line_roots__mutmut_96": ("two roots exactly 1e-6 x the last apart, bisection "
                                                         "midpoints both: not a value an input can place"),
    # mistakes.handwritten: jnp.where reads a mask of float ones as all True; under the checker's
    # float64 JAX, one_hot's default dtype is the scores' float64; the mask keeps dh1 where dh1 > 0
    # or >= 0: where dh1 is 0, keeping it or not gives the same 0
    **{f"reference.checker.mistakes.x_handwritten__mutmut_{n}": "where() reads float ones as True"
       for n in (99, 101)},
    **{f"reference.checker.mistakes.x_handwritten__mutmut_{n}": "one_hot's default dtype is float64 under x64"
       for n in (64, 67)},
    "reference.checker.mistakes.x_handwritten__mutmut_94": "where(dh1 >= 0, dh1, 0) is where(dh1 > 0, dh1, 0)",
    # recording: NumPy's reshape takes any negative length as the unknown one
    "reference.checker.recording.x_same_rows__mutmut_14": "reshape(n, -2) is reshape(n, -1)",
    "reference.checker.recording.x_same_rows__mutmut_22": "reshape(n, -2) is reshape(n, -1)",
    # histories.sparse_every: past its guard it searches k = 2..n for history == expected[::k]; a
    # history of no entries or of n entries matches no such slice (each holds 1 to n - 1 entries), so
    # letting one through the guard returns None all the same; and expected[::n + 1] is expected[::n]
    "reference.checker.histories.x_sparse_every__mutmut_9": "an empty history matches no slice",
    "reference.checker.histories.x_sparse_every__mutmut_10": "a full history matches no slice of k >= 2",
    "reference.checker.histories.x_sparse_every__mutmut_20": "expected[::n + 1] is expected[::n], found first",
    # predictions.column_softmax: the column sums' shape (C,) broadcasts against (N, C) as (1, C) does
    "reference.checker.predictions.x_column_softmax__mutmut_18": "e / e.sum(axis=0) broadcasts as keepdims",
    "reference.checker.predictions.x_column_softmax__mutmut_20": "e / e.sum(axis=0) broadcasts as keepdims",
    # predictions: a dtype's kind is one character; "i" and "u" are in both strings and no kind is "X"
    "reference.checker.predictions.x_rows_dropped__mutmut_7": 'dtype.kind not in "XXiuXX" is not in "iu"',
    # run: NumPy's astype(None) is astype(float64)
    "reference.checker.run.x__warm_up__mutmut_9": "astype(None) is astype(np.float64)",
    # run: past `if proc.returncode != 0`, an integer status is < 0 exactly when it is <= 0 or < 1
    "reference.checker.run.x_observe__mutmut_58": "returncode <= 0 is returncode < 0 where it is not 0",
    "reference.checker.run.x_observe__mutmut_59": "returncode < 1 is returncode < 0 where it is not 0",
    # recording: a dtype's kind is one character; "i" and "u" are in both strings and no kind is "X"
    "reference.checker.recording.x_step_arguments__mutmut_33": 'dtype.kind in "XXiuXX" is dtype.kind in "iu"',
    # recording: the step's own tracer (on_return) ignores every event but "return" and returns itself:
    # line events cost time and change nothing
    "reference.checker.recording.x_step_tracer__mutmut_31": "f_trace_lines = True only adds ignored line events",
}


# bench.deletion's mutants, named as it names them: path::function::operator::statement.
DELETION_EQUIVALENT = {
    # the notebook's scores as a nested list: NumPy subtracts a list from an array the same way
    "reference/notebook.py::<module>::argument::CORRECT_SCORES = np.asarray([[-0.81233741, -1.27654624, "
    "-0.70335995], [-0.17129…": "a nested list takes part in the array arithmetic as the array does",
    # int() of a NumPy integer only changes its type: the message prints the same digits,
    # and NumPy indexes with either.
    "jaxnet/checks.py::check_inputs::argument::row = int(np.argwhere(~np.isfinite(np.asarray(X)))[0][0])":
        "int() of a NumPy integer: the same row in the message",
    "jaxnet/checks.py::check_labels::argument::i = int(np.argmax(bad))":
        "int() of a NumPy integer: the same index and message",
    "reference/checker/toy_run.py::differs::argument::t = int(np.argmax(~np.isclose(history, want, rtol=TOL, atol=0)))":
        "int() of a NumPy integer: the same iteration indexed and printed",
    # a set literal in place of frozenset(...): the same membership tests, and nothing adds to it (the
    # name holds the literal's first ids: the literal is kept sorted)
    "reference/checker/causes.py::<module>::argument::REG_TERM_GRADIENT = frozenset({'bias_reg_gradient', "
    "'reg_grad_no_factor_2', 're…": "a set instead of a frozenset: the same membership tests",
    "jaxnet/training.py::check_diverged::argument::it = int(np.argmax(bad))":
        "int() of a NumPy integer: the same index and message",
    # block_until_ready only moves where a failed allocation raises and what the clock reads (as
    # the mutmut mutants of the same lines); float() of std, which the product casts anyway.
    "jaxnet/fitting.py::fit::call::jax.block_until_ready(params)": "only where a failed allocation raises",
    "jaxnet/fitting.py::fit::call::jax.block_until_ready(state.program)": "only what the clock reads",
    "jaxnet/model.py::init_params::argument::std1 = std2 = float(std)": "the product with the draw casts std anyway",
    # a saved kind is a 0-d string array; == with a str is then a NumPy bool, truthy as the str's
    "jaxnet/preprocess.py::apply::argument::kind = str(prep['kind'])":
        "a 0-d string array compares with a str as the str does",
    # artifacts.save_arrays makes every value an array (np.asarray) before np.savez
    "jaxnet/state.py::save_state::argument::arrays['header'] = np.array(json.dumps(header))":
        "save_arrays stores the str as the same 0-d array",
    "jaxnet/state.py::save_state::argument::arrays['key'] = np.asarray(jax.random.key_data(state.key))":
        "save_arrays converts the JAX array with np.asarray itself",
    # PCA (the only preprocessing whose shape is None) refuses flips, crops and test-time views, and
    # make_plan keeps an image shape only for flips or crops: the plan is the same either way
    "jaxnet/recipe.py::Recipe.check::argument::shape = self.image_shape(image_shape)":
        "PCA refuses every view, and the plan drops the shape without flips or crops",
    # jax.random.key takes a NumPy integer as the int it holds (x64 on or off); float() of a JAX
    # scalar is the float of its NumPy copy
    "jaxnet/sweeps.py::seed_keys::argument::seed = int(seed)": "jax.random.key reads a NumPy integer as its int",
    "jaxnet/sweeps.py::search::argument::val_acc = np.asarray(val_acc)": "each entry is read with float() anyway",
    # tobytes() is C-ordered whatever the array's layout; save_arrays converts a str itself
    "jaxnet/artifacts.py::arrays_fingerprint::argument::a = np.ascontiguousarray(np.asarray(arrays[k]))":
        "tobytes() gives the C-ordered bytes of any layout",
    "jaxnet/artifacts.py::save_params::argument::arrays[RECORD] = np.array(json.dumps(_jsonable(plain)))":
        "save_arrays stores the str as the same 0-d array",
    # POSIX rename(2) replaces an empty folder (Windows would refuse: the line is for it)
    "jaxnet/data.py::download_cifar10::call::data_dir.rmdir()": "POSIX os.replace replaces an empty folder",
    # make_recipe reads its flags given with list(): a dict of them gives the same names
    "jaxnet/cli/sweep_cifar10.py::grid::argument::named = list(common.given(args))":
        "make_recipe lists the dict's keys itself: the same names",
    "jaxnet/cli/sweep_cifar10.py::check_groups_fit::argument::input_size = int(np.prod(data.IMAGE_SHAPE))":
        "np.prod of the image shape is the same number as its int",
    # the checker compiles its truth program while the children observe: only sooner, the same
    # program and numbers when judging needs them
    "reference/checker/run.py::check_many::call::_warm_up()": "speed only: judging evaluates the same truth",
    "reference/checker/run.py::_warm_up::call::mistakes.truth(prob.params, prob.X.astype(np.float64), prob.y, prob.reg)":
        "speed only: judging evaluates the same truth",
    # predict's edge problem keeps rows whose best score leads by > 1e-3; unsorted, the filter keeps
    # other rows of the same seed, which hold every property the docstring promises (tested)
    "reference/checker/problems.py::predict_edge_problem::argument::top = np.sort(np.maximum(X @ params['W1'] + "
    "params['b1'], 0) @ params['W2'], ax…": "other rows of the fixed seed with the same promised properties",
    # the numeric gradient perturbs a copy of the toy params: a net's own arrays replace it on the next
    # line, and a loss function's toy params are a fresh copy that no probe reads after this one (the
    # centred difference puts back each entry it perturbs)
    "reference/checker/observe.py::numeric_gradients::argument::p = copy_params(params)":
        "the toy params are a fresh copy read by no later probe",
    "reference/checker/observe.py::observe_class::argument::init = np.asarray(toy[k])":
        "copy_params made each an ndarray already",
    # a NumPy float64 is a Python float: the same measure, printed and written the same
    "reference/checker/judge.py::predict::argument::wrong = float(np.mean(got != want))":
        "np.float64 is a float: the same measure",
    "reference/checker/structure.py::multiple_of::argument::a = float(diff @ direction / (direction @ direction))":
        "np.float64 is a float: the same factor, compared and printed the same",
    "reference/checker/structure.py::nonfinite::argument::bad = int(np.sum(~np.isfinite(np.asarray(got, float))))":
        "a NumPy integer prints the same count",
    # offsets' one caller (describe) passes the difference of two float arrays
    "reference/checker/structure.py::offsets::argument::diff = np.asarray(diff, float)":
        "its one caller passes a float array already",
    # a hypothesis's gradients the same dict as its loss's gradients: each change function makes
    # its own outputs from copies (families.Builder.add), and nothing edits them afterwards (the
    # families' .update calls run inside the change functions, before these lines are reached)
    **{f"reference/checker/families.py::{f}::argument::o['grads'] = dict(o['loss_grads'])":
       "nothing edits a hypothesis's outputs after its change function: sharing one dict reads the same"
       for f in ("scale_reg", "fixed_reg", "one_weight", "scale_data", "guarded_log")},
    # a NumPy float64 is a float: each of these is only compared, clipped or printed with a format
    # (:.4g, :.2g, JSON), which read it the same; nothing reprs, pickles or type-checks a Check's measure
    "reference/checker/rates.py::global_clip::argument::c = float(np.median(ratio[slow] * joint[slow]))":
        "np.float64 is a float: the same comparisons and :.4g text",
    "reference/checker/rates.py::judge_schedule::argument::c = float(np.median(used / right))":
        "np.float64 is a float: the same comparisons, round() and :.4g text",
    "reference/checker/rates.py::judge_schedule::argument::constant = float(np.nanmedian(used))":
        "np.float64 is a float: the same comparisons and :.4g text",
    "reference/checker/rates.py::judge_rates::argument::measured = float(np.nanmax(np.where(residuals > RATE_TOL, "
    "np.inf, err)))": "np.float64 is a float: the same check in JSON, in the report and against its tolerance",
    # stale_steps' losses at the params as a list of floats, not an array: np.isfinite, np.isclose,
    # np.allclose and indexing read a list the same; an np.int64 index prints the same digits
    "reference/checker/training_checks.py::stale_steps::argument::at_own = np.array([oracle(s['params'], s) for s in "
    "steps])": "NumPy's comparisons read a list of floats as the array",
    "reference/checker/training_checks.py::stale_steps::argument::at_first = np.array([oracle(steps[0]['params'], s) "
    "for s in steps])": "np.allclose reads a list of floats as the array",
    "reference/checker/training_checks.py::stale_steps::argument::t = int(np.argmax(off))":
        "int() of a NumPy integer: the same step indexed and printed",
    # recording.parameter_names returns a list already; SKELETON_TRAIN is read (in, len, list, zip,
    # join), never changed
    "reference/checker/training_checks.py::<module>::argument::SKELETON_TRAIN = tuple(recording.parameter_names("
    "TwoLayerNet))": "a list read the same way as the tuple; nothing changes it",
    # the verbose run's problem differs from the main run's in verbose alone, which the reference's
    # train only prints with: run_rows and judge_run read its batch size, iterations, rates, reg and seed
    "reference/checker/training_checks.py::verbose_difference::argument::talking = dataclasses.replace(prob, "
    "kwargs={**prob.kwargs, 'verbose': True})": "verbose only prints: nothing judged reads it",
    # predict's recorded labels reach these as ndarrays (Observation.get reads every array with
    # np.frombuffer), each checked for None first: np.asarray returns the same object
    "reference/checker/predictions.py::explained::argument::got = np.asarray(got)":
        "every caller passes an observation's ndarray",
    "reference/checker/predictions.py::rows_dropped::argument::got = np.asarray(got)":
        "every caller passes an observation's ndarray",
    # a loss reaching this line is a 0-d array (evidence.problem_parts has taken float() of it on the
    # same problem before, which raises for any other shape): compared and printed as its float
    "reference/checker/edge_cases.py::other_sizes_part::argument::loss = float(obs.get(f'{name}/loss'))":
        "a 0-d array compares and prints as its float",
    "reference/checker/gradient_slips.py::norm_clipped::argument::c = float(np.sqrt(sum((np.sum(np.asarray(g, "
    "np.float64) ** 2) for g in returned…": "np.float64 is a float: the same comparisons, quotient and :.6g text",
    # dict.__init__() without arguments adds nothing: dict.__new__ has made the empty dict
    "reference/checker/histories.py::_OnFirstRead.__init__::call::super().__init__()":
        "dict.__init__() with no arguments adds nothing to the empty dict",
    # the numeric gradient's net holds the toy params already: the toy probes just before set them
    # through the same NetCall. Only a loss that changes its params in place or keeps state between
    # calls sees other values here, and each call of the centred difference changes them again: of the
    # 293 catalogue and unknown nets, the three that do (gradient_aliases_param, reg_gradient_in_weights,
    # loss_keeps_examples) get the same checks, measures (gradients_numeric fails at 1.0) and report
    "reference/checker/observe.py::numeric_gradients::call::recording.set_params(call.net, p)":
        "the net holds the toy params already; a loss that changes them fails the numeric check either way",
}
