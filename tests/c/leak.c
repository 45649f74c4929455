/* The negative control for the memory checkers: it leaks one beian_buf on purpose, so valgrind
 * and LeakSanitizer MUST fail on it. tests/c/run.sh checks that they do, which shows their
 * passing verdicts on the real programs mean something. */
#include "common.h"

int main(void) {
  beian_buf detail = {0};
  /* A failing call leaves a detail; copying it out allocates, and the copy is never freed. */
  if (beian_engine_new_embedded(NULL) != BEIAN_NULL_PARAMETER) return 2;
  if (beian_last_error_json(&detail) != BEIAN_OK) return 2;
  printf("leak: %zu bytes handed out and lost\n", detail.len);
  detail.data = NULL; /* the only pointer to it: now definitely lost */
  return 0;
}
