/* This x86 CPU's peak fp32 rate: independent chains of fused multiply-adds, kept in
 * registers, on every core at once. No matrix product (and so no training step) can run
 * faster; README.md's speed section compares its figures with this one.
 *
 *   gcc -O2 -march=native -pthread scripts/fma_peak.c -o /tmp/fma_peak && /tmp/fma_peak
 *
 * Prints GFLOP/s for 1 thread and for one thread per online CPU (best of 3 rounds each),
 * counting an FMA as 2 FLOPs per lane. Uses 512-bit vectors where the compiler may
 * (AVX-512F), else 256-bit (AVX2 + FMA).
 */
#include <immintrin.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#if defined(__AVX512F__)
typedef __m512 vec;
#define LANES 16
#define SET1 _mm512_set1_ps
#define FMA _mm512_fmadd_ps
#define ADD _mm512_add_ps
#define STORE _mm512_storeu_ps
#elif defined(__FMA__)
typedef __m256 vec;
#define LANES 8
#define SET1 _mm256_set1_ps
#define FMA _mm256_fmadd_ps
#define ADD _mm256_add_ps
#define STORE _mm256_storeu_ps
#else
#error "needs FMA: compile with -march=native on a CPU that has it"
#endif

#define CHAINS 12 /* more than FMA latency x FMA pipes, so the pipes never wait */
#define STEPS 200000000L

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + 1e-9 * t.tv_nsec;
}

static void *chains(void *out) {
  vec acc[CHAINS], b = SET1(0.999999f), c = SET1(1e-7f);
  for (int i = 0; i < CHAINS; i++) acc[i] = SET1((float)i);
  for (long k = 0; k < STEPS; k++) {
#pragma GCC unroll 12
    for (int i = 0; i < CHAINS; i++) acc[i] = FMA(acc[i], b, c);
  }
  for (int i = 1; i < CHAINS; i++) acc[0] = ADD(acc[0], acc[i]);
  STORE((float *)out, acc[0]); /* keeps the loop from being optimised away */
  return NULL;
}

static double gflops(int threads) {
  static float out[64][LANES];
  pthread_t ids[64];
  double best = 0;
  for (int round = 0; round < 3; round++) {
    double start = now();
    for (int t = 0; t < threads; t++) pthread_create(&ids[t], NULL, chains, out[t]);
    for (int t = 0; t < threads; t++) pthread_join(ids[t], NULL);
    double rate = 2.0 * LANES * CHAINS * STEPS * threads / (now() - start) / 1e9;
    if (rate > best) best = rate;
  }
  return best;
}

int main(void) {
  int cpus = (int)sysconf(_SC_NPROCESSORS_ONLN);
  if (cpus > 64) cpus = 64;
  printf("%d-bit FMA, 1 thread: %.1f GFLOP/s\n", 32 * LANES, gflops(1));
  printf("%d-bit FMA, %d threads: %.1f GFLOP/s\n", 32 * LANES, cpus, gflops(cpus));
  return 0;
}
