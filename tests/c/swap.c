/* beian_engine_swap_pack while 4 pthreads check with the same engine: every report comes
 * whole from one pack: version A with pack A's findings, or version B with pack B's (the packs
 * differ in a rule, so a mixed report shows); a bad pack is refused and leaves the pack in place.
 * Usage: swap PACK_A PACK_B APP */
#include "common.h"

#include <pthread.h>

static const beian_engine *engine;
static char *app;
static size_t app_len;
static char *want_a, *want_b; /* the part of a report before "rules", under pack A and B */
static volatile int stop;

/* The report up to "rules": verdict, filing type, findings, materials, steps, timeline. */
static char *head(const char *report) {
  const char *r = strstr(report, "\"rules\":");
  size_t n = r ? (size_t)(r - report) : strlen(report);
  char *h = malloc(n + 1);
  memcpy(h, report, n);
  h[n] = '\0';
  return h;
}

static void *worker(void *arg) {
  (void)arg;
  long checks = 0;
  while (!stop) {
    beian_buf out = {0};
    if (beian_check_json(engine, app, app_len, &out) != BEIAN_OK) die("check", last_error());
    const char *s = (const char *)out.data;
    char *h = head(s);
    if (strstr(s, "\"version\":\"A\"")) {
      EXPECT(strcmp(h, want_a) == 0, "a version A report without pack A's findings");
    } else if (strstr(s, "\"version\":\"B\"")) {
      EXPECT(strcmp(h, want_b) == 0, "a version B report without pack B's findings");
    } else {
      EXPECT(0, "a report from neither pack");
    }
    free(h);
    beian_buf_free(&out);
    checks++;
  }
  return (void *)checks;
}

int main(int argc, char **argv) {
  if (argc != 4) die("usage", "swap PACK_A PACK_B APP");
  size_t a_len, b_len;
  char *a = read_file(argv[1], &a_len), *b = read_file(argv[2], &b_len);
  app = read_file(argv[3], &app_len);
  if (beian_engine_new_from_pack((const uint8_t *)b, b_len, &engine) != BEIAN_OK) die("pack B", last_error());
  beian_buf first = {0};
  if (beian_check_json(engine, app, app_len, &first) != BEIAN_OK) die("check", last_error());
  want_b = head((const char *)first.data);
  beian_buf_free(&first);
  if (beian_engine_swap_pack(engine, (const uint8_t *)a, a_len) != BEIAN_OK) die("pack A", last_error());
  if (beian_check_json(engine, app, app_len, &first) != BEIAN_OK) die("check", last_error());
  want_a = head((const char *)first.data);
  beian_buf_free(&first);
  if (strcmp(want_a, want_b) == 0) die("packs", "A and B give the same findings: a mixed report could not be seen");

  pthread_t t[4];
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, worker, NULL);
  const char *junk = "{\"format\":1}";
  for (int i = 0; i < 12; i++) {
    EXPECT(beian_engine_swap_pack(engine, (const uint8_t *)(i % 2 ? a : b), i % 2 ? a_len : b_len) == BEIAN_OK, "swap %d: %s", i, last_error());
    EXPECT(beian_engine_swap_pack(engine, (const uint8_t *)junk, strlen(junk)) == BEIAN_INVALID_PACK, "a bad pack must be refused");
    EXPECT(beian_engine_swap_pack(NULL, (const uint8_t *)a, a_len) == BEIAN_NULL_PARAMETER, "NULL engine");
  }
  stop = 1;
  long total = 0;
  for (int i = 0; i < 4; i++) {
    void *n;
    pthread_join(t[i], &n);
    total += (long)n;
  }
  /* The last good swap (i = 11) installed A, and the refused ones after it changed nothing. */
  beian_buf last = {0};
  if (beian_check_json(engine, app, app_len, &last) != BEIAN_OK) die("check", last_error());
  EXPECT(strstr((const char *)last.data, "\"version\":\"A\"") != NULL, "the bad packs replaced the good one");
  beian_buf_free(&last);
  printf("swap: 12 swaps and 12 refused packs while 4 threads ran %ld checks\n", total);
  beian_engine_free(engine);
  free(want_a);
  free(want_b);
  free(a);
  free(b);
  free(app);
  return finish("swap");
}
