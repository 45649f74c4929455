/* 8 pthreads share one engine and check TOTAL applications between them; every report must be
 * byte-identical to the single-threaded report for the same application.
 *
 *   threads TOTAL APP.json...   (the applications are used round-robin) */
#include "common.h" /* first: it sets _POSIX_C_SOURCE */

#include <pthread.h>
#include <time.h>

#define THREADS 8

static const beian_engine *engine;
static char **apps;
static size_t *app_len;
static beian_buf *reference;
static size_t napps, total;

struct tally { size_t checked, mismatched, failed; };

struct job { size_t thread; struct tally tally; };

static void *run(void *arg) {
  struct job *job = arg;
  /* Thread t takes checks t, t+8, t+16 …: every thread sees every application. */
  for (size_t k = job->thread; k < total; k += THREADS) {
    size_t i = k % napps;
    beian_buf out = {0};
    beian_result r = beian_check_json(engine, apps[i], app_len[i], &out);
    if (r != BEIAN_OK) {
      job->tally.failed++;
      continue;
    }
    if (out.len != reference[i].len || memcmp(out.data, reference[i].data, out.len) != 0) job->tally.mismatched++;
    job->tally.checked++;
    beian_buf_free(&out);
  }
  return NULL;
}

int main(int argc, char **argv) {
  if (argc < 3) die("usage", "threads TOTAL APP.json...");
  total = strtoul(argv[1], NULL, 10);
  napps = (size_t)argc - 2;
  apps = calloc(napps, sizeof *apps);
  app_len = calloc(napps, sizeof *app_len);
  reference = calloc(napps, sizeof *reference);
  if (beian_engine_new_embedded(&engine) != BEIAN_OK) die("beian_engine_new_embedded", last_error());

  /* The single-threaded answers. */
  for (size_t i = 0; i < napps; i++) {
    apps[i] = read_file(argv[i + 2], &app_len[i]);
    if (beian_check_json(engine, apps[i], app_len[i], &reference[i]) != BEIAN_OK) die(argv[i + 2], last_error());
  }

  struct job jobs[THREADS];
  pthread_t tid[THREADS];
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (size_t t = 0; t < THREADS; t++) {
    jobs[t] = (struct job){.thread = t};
    if (pthread_create(&tid[t], NULL, run, &jobs[t]) != 0) die("pthread_create", "");
  }
  struct tally sum = {0};
  for (size_t t = 0; t < THREADS; t++) {
    pthread_join(tid[t], NULL);
    sum.checked += jobs[t].tally.checked;
    sum.mismatched += jobs[t].tally.mismatched;
    sum.failed += jobs[t].tally.failed;
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;

  EXPECT(sum.failed == 0, "%zu checks failed", sum.failed);
  EXPECT(sum.mismatched == 0, "%zu reports differ from the single-threaded ones", sum.mismatched);
  EXPECT(sum.checked + sum.failed == total, "%zu of %zu checks ran", sum.checked + sum.failed, total);
  printf("threads: %d threads, one engine: %zu checks of %zu applications in %.2f s (%.0f/s), all equal to the "
         "single-threaded reports\n",
         THREADS, sum.checked, napps, secs, (double)sum.checked / secs);

  for (size_t i = 0; i < napps; i++) {
    beian_buf_free(&reference[i]);
    free(apps[i]);
  }
  free(apps);
  free(app_len);
  free(reference);
  beian_engine_free(engine);
  return finish("threads");
}
