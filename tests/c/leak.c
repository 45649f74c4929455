/* The negative control for the memory checkers: it leaks one beian_buf on purpose, so valgrind
 * and LeakSanitizer MUST fail on it. tests/c/run.sh checks that they do, which shows their
 * passing verdicts on the real programs mean something. */
#include "common.h"

int main(void) {
  beian_buf detail = {0};
  /* A failing call leaves a detail; copying it out allocates, and the copy is never freed. */
  /* A setup that fails exits 3 before leaking, with a message: run.sh wants valgrind's error
   * exit 1 (LeakSanitizer's 23) and this program's line below, so it cannot pass for a leak. */
  if (beian_engine_new_embedded(NULL) != BEIAN_NULL_PARAMETER) {
    fprintf(stderr, "leak: setup failed: beian_engine_new_embedded(NULL) did not refuse\n");
    return 3;
  }
  if (beian_last_error_json(&detail) != BEIAN_OK || detail.data == NULL) {
    fprintf(stderr, "leak: setup failed: no error detail to leak\n");
    return 3;
  }
  printf("leak: %zu bytes handed out and lost\n", detail.len);
  fflush(stdout);
  detail.data = NULL; /* the only pointer to it: now definitely lost */
  return 0;
}
