/* Runs applications through beian_check_json, as a portal would, and writes each report.
 *
 *   cases OUTDIR APP.json...   writes OUTDIR/<basename of APP> with the report's exact bytes
 *
 * tests/c/cases.py then compares every report byte for byte with the Rust core's and judges it
 * against the case's expectations (a C program should not parse JSON by hand). */
#include "common.h"

int main(int argc, char **argv) {
  if (argc < 3) die("usage", "cases OUTDIR APP.json...");
  const beian_engine *engine = NULL;
  beian_result r = beian_engine_new_embedded(&engine);
  if (r != BEIAN_OK || !engine) die("beian_engine_new_embedded", last_error());

  for (int i = 2; i < argc; i++) {
    size_t len;
    char *json = read_file(argv[i], &len);
    beian_buf report = {0};
    r = beian_check_json(engine, json, len, &report);
    EXPECT(r == BEIAN_OK, "%s: result %u %s", argv[i], (unsigned)r, last_error());
    if (r == BEIAN_OK) {
      EXPECT(report.data && report.data[report.len] == '\0', "%s: the report is NUL-terminated", argv[i]);
      EXPECT(strlen((const char *)report.data) == report.len, "%s: len counts every byte", argv[i]);
      const char *base = strrchr(argv[i], '/');
      base = base ? base + 1 : argv[i];
      char path[4096];
      snprintf(path, sizeof path, "%s/%s", argv[1], base);
      write_file(path, report.data, report.len);
      beian_buf_free(&report);
      EXPECT(report.data == NULL && report.len == 0, "beian_buf_free zeroes the buf");
    }
    free(json);
  }
  beian_engine_free(engine);
  return finish("cases");
}
