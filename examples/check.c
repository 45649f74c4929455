/* check.c: check a filing application (a JSON file) and one domain with libbeiancheck.
 *   cc check.c $(pkg-config --cflags --libs beiancheck) -Wl,-rpath,/usr/local/lib -o check
 *   ./check application.json */
#include <beiancheck.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Prints a failed call's code, its description and the detail of the failure. */
static void report_error(const char *what, beian_result r) {
  char message[BEIAN_MESSAGE_MAX];
  size_t n = 0;
  beian_buf detail = {0};
  if (beian_result_message(r, message, sizeof message, &n) != BEIAN_OK) message[0] = '\0';
  fprintf(stderr, "%s: error %u: %s\n", what, (unsigned)r, message);
  if (beian_last_error_json(&detail) == BEIAN_OK) {
    fprintf(stderr, "%s\n", (const char *)detail.data);
    beian_buf_free(&detail);
  }
}

/* Reads a whole file into a malloc'd buffer. */
static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *data = NULL;
  long size;
  if (!f) return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
      (data = malloc((size_t)size + 1)) != NULL) {
    *len = fread(data, 1, (size_t)size, f);
  }
  fclose(f);
  return data;
}

int main(int argc, char **argv) {
  const beian_engine *engine = NULL;
  beian_buf report = {0}, domain = {0};
  size_t len = 0;
  char *json;
  beian_result r;
  int status = 0;

  if (argc != 2) {
    fprintf(stderr, "usage: %s APPLICATION.json\n", argv[0]);
    return 2;
  }
  if (!(json = slurp(argv[1], &len))) {
    perror(argv[1]);
    return 2;
  }

  /* One engine per process is enough: it is immutable and shared by all threads. */
  r = beian_engine_new_embedded(&engine);
  if (r != BEIAN_OK) {
    report_error("beian_engine_new_embedded", r);
    free(json);
    return 2;
  }

  r = beian_check_json(engine, json, len, &report);
  if (r == BEIAN_OK) {
    /* The report: {"verdict":…,"filing_type":…,"findings":[…],"materials":[…],…}.
     * Hand it to your JSON library; here it is printed on one line. */
    printf("%s\n", (const char *)report.data);
    beian_buf_free(&report);
  } else {
    report_error(argv[1], r); /* e.g. BEIAN_MALFORMED_JSON, with line and column */
    status = 2;
  }

  r = beian_check_domain(engine, "example.io", strlen("example.io"), &domain);
  if (r == BEIAN_OK) {
    printf("example.io: %s\n", (const char *)domain.data);
    beian_buf_free(&domain);
  } else {
    report_error("example.io", r);
    status = 2;
  }

  beian_engine_free(engine);
  free(json);
  return status;
}
