"""bench/ (not installed): the profiler's HLO parsing, op classification, and a real traced run."""

import itertools

import jax
import jax.numpy as jnp
import numpy as np
import pytest

from bench import profiling

HLO = """\
HloModule m

%fused_dot (p0: f32[4,8], p1: f32[8,16]) -> f32[4,16] {
  %p0 = f32[4,8]{1,0} parameter(0)
  %p1 = f32[8,16]{1,0} parameter(1)
  ROOT %d = f32[4,16]{1,0} dot(%p0, %p1), lhs_contracting_dims={1}, rhs_contracting_dims={0}
}

%fused_update (p0: f32[16,64], p1: f32[]) -> f32[16,64] {
  %p0 = f32[16,64]{1,0} parameter(0)
  %p1 = f32[] parameter(1)
  %b = f32[16,64]{1,0} broadcast(%p1), dimensions={}
  ROOT %m = f32[16,64]{1,0} multiply(%p0, %b)
}

ENTRY %main (a: f32[4,8], b: f32[8,16], w: f32[16,64], s: f32[]) -> (f32[4,16], f32[16,64], f32[]) {
  %a = f32[4,8]{1,0} parameter(0)
  %b = f32[8,16]{1,0} parameter(1)
  %w = f32[16,64]{1,0} parameter(2)
  %s = f32[] parameter(3)
  %product = f32[4,16]{1,0} fusion(%a, %b), kind=kCustom, calls=%fused_dot
  %scaled = f32[16,64]{1,0} fusion(%w, %s), kind=kLoop, calls=%fused_update
  %total = f32[] reduce(%w, %s), dimensions={0,1}, to_apply=%fused_update
  %small = f32[4,16]{1,0} add(%product, %product)
  ROOT %out = (f32[4,16]{1,0}, f32[16,64]{1,0}, f32[]) tuple(%small, %scaled, %total)
}
"""


def test_parse_hlo_reads_computations_ops_shapes_and_calls():
    computations = profiling.parse_hlo(HLO)
    assert set(computations) == {"fused_dot", "fused_update", "main"}
    ops = {op.name: op for op in computations["main"]}
    assert ops["product"].opcode == "fusion"
    assert ops["product"].calls == "fused_dot"
    assert ops["product"].shape == (4, 16)
    assert ops["total"].shape == ()
    assert ops["total"].operands == ("w", "s")
    assert "out" not in ops  # tuple-shaped results are not executable work


def test_classify_sorts_products_large_and_other():
    categories = profiling.classify(profiling.parse_hlo(HLO), large_size=16 * 64)
    assert categories["product"] == "products"  # a fusion around a dot
    assert categories["d"] == "products"
    assert categories["scaled"] == "large"  # writes a 16 x 64 array
    assert categories["total"] == "large"  # reads one
    assert categories["small"] == "other"
    assert "a" not in categories  # parameters are not work


def test_describe_names_what_a_fusion_does():
    computations = profiling.parse_hlo(HLO)
    ops = {op.name: op for op in computations["main"]}
    assert profiling.describe(ops["scaled"], computations) == "fusion(multiply)"
    assert profiling.describe(ops["small"], computations) == "add"


@pytest.mark.slow
def test_op_times_traces_a_real_program():
    @jax.jit
    def step(x, w):
        return jnp.tanh(x @ w), w * 0.5 + 1.0

    x = jnp.ones((64, 128), jnp.float32)
    w = jnp.ones((128, 256), jnp.float32)
    profile = profiling.op_times(step, (x, w), large_size=128 * 256)
    seconds = profile["seconds"]
    assert set(seconds) == {"products", "large", "other"}
    assert seconds["products"] > 0  # the x @ w product was traced and recognised
    assert seconds["large"] > 0  # the pass over w
    assert profile["wall_s"] > 0
    assert all(len(entry) == 5 for entry in profile["top"])


@pytest.mark.slow
def test_bench_profile_of_the_grid_is_consistent():
    from bench import benchmark
    rng = np.random.default_rng(0)
    X = jnp.asarray(rng.standard_normal((600, 12)), jnp.float32)
    y = jnp.asarray(rng.integers(0, 10, 600), jnp.int32)
    out = benchmark.profile_notebook_sweep((X, y, X[:50], y[:50]), num_iters=3, rounds=1)
    for H in benchmark.NOTEBOOK_GRID["hidden_sizes"]:
        for name in (f"one_config_hidden_{H}", f"sweep_group_hidden_{H}"):
            b = out[name]
            shares = [b["share_products"], b["share_first_layer_weight_passes"],
                      b["share_other"], b["share_untraced"]]
            assert sum(shares) == pytest.approx(1.0)
            assert b["share_products"] > 0 and b["products_gflops_at_least"] > 0
        assert out[f"sweep_group_hidden_{H}"]["configs"] == 12
    # Removing everything but the products can only make the sweep faster.
    assert out["sweep_speedup_if_only_products"] > out["sweep_speedup"] > 0


@pytest.mark.slow
def test_compiler_options_compare_side_by_side():
    from bench import benchmark
    rng = np.random.default_rng(0)
    X = jnp.asarray(rng.standard_normal((600, 12)), jnp.float32)
    y = jnp.asarray(rng.integers(0, 10, 600), jnp.int32)
    options = {"default": {}, "no_xnnpack": {"xla_cpu_use_xnnpack": False},
               "unknown": {"xla_cpu_no_such_option": True}}
    out = benchmark.compare_compiler_options((X, y, X[:50], y[:50]), options,
                                             ["sweep_group_hidden_100"], num_iters=3, rounds=2)
    results = out["sweep_group_hidden_100"]
    assert list(results) == list(options)
    assert results["default"]["speedup"] == 1.0 and results["default"]["max_abs_diff"] == 0.0
    assert len(results["no_xnnpack"]["per_round_ms"]) == 2
    assert results["no_xnnpack"]["max_abs_diff"] < 1e-4  # the same training, other kernels
    assert "xla_cpu_no_such_option" in results["unknown"]["error"]


@pytest.mark.slow
def test_grid_timing_shows_progress_and_divides_by_the_higher_rate(capsys, monkeypatch):
    from bench import benchmark
    rates = itertools.cycle([200.0, 300.0])  # the matmul rate before and after each group
    monkeypatch.setattr(benchmark, "matmul_gflops", lambda *a, **k: next(rates))
    rng = np.random.default_rng(0)
    X = jnp.asarray(rng.standard_normal((600, 12)), jnp.float32)
    y = jnp.asarray(rng.integers(0, 10, 600), jnp.int32)
    out = benchmark.notebook_sweep((X, y, X[:50], y[:50]), scale=1 / 5000)  # one iteration
    err = capsys.readouterr().err
    for H, group in zip(benchmark.NOTEBOOK_GRID["hidden_sizes"], out["per_hidden_size"].values()):
        assert f"bench: the grid's hidden-{H} configs" in err
        flops = group["configs"] * benchmark.train_flops(1, 500, 12, H)
        assert group["matmul_gflops_before_after_sweep"] == [200.0, 300.0]
        assert group["sweep_fraction_of_matmul_rate"] == pytest.approx(
            flops / group["sweep_s"] / 1e9 / 300.0)
