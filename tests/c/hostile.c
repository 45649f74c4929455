/* tests/hostile/ through the C ABI: every hostile input gets the expected input error (with
 * its code in beian_last_error_json) or a report, never a crash.
 * Usage: hostile DIR   (DIR as written by tests/hostile/materialize.py) */
#include "common.h"

int main(int argc, char **argv) {
  if (argc != 2) die("usage", "hostile DIR");
  char list_path[4096];
  snprintf(list_path, sizeof list_path, "%s/list.tsv", argv[1]);
  size_t list_len = 0;
  char *list = read_file(list_path, &list_len);
  const beian_engine *engine = NULL;
  if (beian_engine_new_embedded(&engine) != BEIAN_OK) die("engine", last_error());
  int n = 0;
  for (char *line = strtok(list, "\n"); line; line = strtok(NULL, "\n")) {
    char *name = line, *expect = strchr(line, '\t');
    if (!expect) continue;
    *expect++ = '\0';
    char *codes = strchr(expect, '\t');
    if (codes) *codes++ = '\0';
    char *where = codes ? strchr(codes, '\t') : NULL;
    if (where) *where++ = '\0';
    if (codes && strcmp(codes, "-") == 0) codes = NULL;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", argv[1], name);
    size_t len = 0;
    char *data = read_file(path, &len);
    beian_buf out = {0};
    beian_result r = beian_check_json(engine, data, len, &out);
    if (strcmp(expect, "report") == 0) {
      EXPECT(r == BEIAN_OK && out.data != NULL, "%s: expected a report, got %u: %s", name, (unsigned)r, last_error());
      if (r == BEIAN_OK && codes && *codes) {
        char want[256];
        for (char *c = codes; c && *c;) {
          char *comma = strchr(c, ',');
          size_t k = comma ? (size_t)(comma - c) : strlen(c);
          snprintf(want, sizeof want, "\"code\":\"%.*s\"", (int)k, c);
          EXPECT(strstr((const char *)out.data, want) != NULL, "%s: report lacks %s", name, want);
          c = comma ? comma + 1 : NULL;
        }
      }
      beian_buf_free(&out);
    } else {
      char want[256];
      snprintf(want, sizeof want, "\"code\":\"%s\"", expect);
      EXPECT(r != BEIAN_OK && out.data == NULL, "%s: expected %s, got a report", name, expect);
      /* Invalid UTF-8 is refused by the C boundary before the core sees it. */
      EXPECT(r == BEIAN_INVALID_UTF8 || strstr(last_error(), want) != NULL, "%s: expected %s, detail %s", name, expect, last_error());
      /* The same line and column as the CLI and Python give (the core's answer). */
      unsigned l = 0, c = 0;
      if (where && sscanf(where, "%u:%u", &l, &c) == 2) {
        char pos[64];
        snprintf(pos, sizeof pos, "\"line\":%u,\"column\":%u", l, c);
        EXPECT(strstr(last_error(), pos) != NULL, "%s: expected %s, detail %s", name, pos, last_error());
      }
    }
    free(data);
    n++;
  }
  beian_engine_free(engine);
  free(list);
  printf("hostile: %d inputs\n", n);
  return finish("hostile");
}
