/* Helpers shared by the C test programs: reading files and failing loudly. */
#ifndef BEIAN_TEST_COMMON_H
#define BEIAN_TEST_COMMON_H

#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* strdup, clock_gettime */
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beiancheck.h"

static int failures = 0;

/* A failed expectation is counted and reported; the program exits non-zero at the end. */
#define EXPECT(cond, ...)                                              \
  do {                                                                 \
    if (!(cond)) {                                                     \
      failures++;                                                      \
      fprintf(stderr, "%s:%d: FAILED %s: ", __FILE__, __LINE__, #cond); \
      fprintf(stderr, __VA_ARGS__);                                    \
      fputc('\n', stderr);                                             \
    }                                                                  \
  } while (0)

static inline void die(const char *what, const char *detail) {
  fprintf(stderr, "fatal: %s: %s\n", what, detail);
  exit(2);
}

/* The whole file, malloc'd, with a NUL after the `*len` bytes. */
static inline char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) die("cannot open", path);
  if (fseek(f, 0, SEEK_END) != 0) die("cannot seek", path);
  long n = ftell(f);
  if (n < 0) die("cannot tell", path);
  rewind(f);
  char *data = malloc((size_t)n + 1);
  if (!data) die("out of memory reading", path);
  if (fread(data, 1, (size_t)n, f) != (size_t)n) die("cannot read", path);
  fclose(f);
  data[n] = '\0';
  *len = (size_t)n;
  return data;
}

static inline void write_file(const char *path, const uint8_t *data, size_t len) {
  FILE *f = fopen(path, "wb");
  if (!f) die("cannot create", path);
  if (fwrite(data, 1, len, f) != len) die("cannot write", path);
  fclose(f);
}

/* The JSON detail of the last failure on this thread ("" when there is none), static. */
static inline const char *last_error(void) {
  static char text[4096];
  beian_buf b = {0};
  text[0] = '\0';
  if (beian_last_error_json(&b) == BEIAN_OK) {
    snprintf(text, sizeof text, "%s", (const char *)b.data);
    beian_buf_free(&b);
  }
  return text;
}

static inline int finish(const char *name) {
  if (failures) {
    fprintf(stderr, "%s: %d failure(s)\n", name, failures);
    return 1;
  }
  printf("%s: ok\n", name);
  return 0;
}

#endif
