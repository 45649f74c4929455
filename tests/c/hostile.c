/* tests/hostile/ through the C ABI: every hostile input gets exactly the expected answer: the
 * expected beian_result with the expected code in beian_last_error_json, or a report with the
 * listed codes (and verdict, and no finding where the manifest says so), never a crash.
 * Usage: hostile DIR   (DIR as written by tests/hostile/materialize.py) */
#include "common.h"

/* The result a name in list.tsv stands for (0: not one this test knows). */
static beian_result result_named(const char *name) {
  if (strcmp(name, "BEIAN_MALFORMED_JSON") == 0) return BEIAN_MALFORMED_JSON;
  if (strcmp(name, "BEIAN_INVALID_UTF8") == 0) return BEIAN_INVALID_UTF8;
  if (strcmp(name, "BEIAN_INPUT_TOO_LARGE") == 0) return BEIAN_INPUT_TOO_LARGE;
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 2) die("usage", "hostile DIR");
  char list_path[4096];
  snprintf(list_path, sizeof list_path, "%s/list.tsv", argv[1]);
  size_t list_len = 0;
  char *list = read_file(list_path, &list_len);
  const beian_engine *engine = NULL;
  if (beian_engine_new_embedded(&engine) != BEIAN_OK) die("engine", last_error());
  int n = 0, lineno = 0;
  for (char *line = strtok(list, "\n"); line; line = strtok(NULL, "\n")) {
    lineno++;
    /* Five tab-separated fields, always: a line that is not is a broken list, not a skip. */
    char *field[6] = {line, NULL, NULL, NULL, NULL, NULL};
    int nf = 1;
    for (char *t = strchr(line, '\t'); t && nf < 6; t = strchr(t, '\t')) {
      *t++ = '\0';
      field[nf++] = t;
    }
    if (nf != 6 || strchr(field[5], '\t')) {
      EXPECT(0, "list.tsv line %d: expected 6 tab-separated fields, got %d: %s", lineno, nf, line);
      continue;
    }
    const char *name = field[0], *expect = field[1], *codes = field[2], *verdict = field[3], *last = field[4], *where = field[5];
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", argv[1], name);
    size_t len = 0;
    char *data = read_file(path, &len);
    beian_buf out = {0};
    beian_result r = beian_check_json(engine, data, len, &out);
    if (strcmp(expect, "report") == 0) {
      EXPECT(r == BEIAN_OK && out.data != NULL, "%s: expected a report, got %u: %s", name, (unsigned)r, last_error());
      if (r == BEIAN_OK) {
        const char *report = (const char *)out.data;
        char want[256];
        for (const char *c = codes; *c;) {
          const char *comma = strchr(c, ',');
          size_t k = comma ? (size_t)(comma - c) : strlen(c);
          snprintf(want, sizeof want, "\"code\":\"%.*s\"", (int)k, c);
          EXPECT(strstr(report, want) != NULL, "%s: report lacks %s", name, want);
          c = comma ? comma + 1 : c + k;
        }
        if (strcmp(verdict, "-") != 0) {
          snprintf(want, sizeof want, "\"verdict\":\"%s\"", verdict);
          EXPECT(strstr(report, want) != NULL, "%s: expected %s: %.200s", name, want, report);
        }
        if (strcmp(last, "none") == 0) {
          EXPECT(strstr(report, "\"findings\":[]") != NULL, "%s: expected no finding: %.300s", name, report);
        } else {
          EXPECT(strcmp(last, "-") == 0, "list.tsv line %d: a report's last field is none or -, not %s", lineno, last);
        }
        beian_buf_free(&out);
      }
    } else {
      beian_result want_r = result_named(last);
      EXPECT(want_r != 0, "list.tsv line %d: unknown result %s", lineno, last);
      EXPECT(r == want_r && out.data == NULL, "%s: expected %s (%u), got %u", name, last, (unsigned)want_r, (unsigned)r);
      /* The detail names the core's code whatever the result (invalid UTF-8 is INPUT_MALFORMED). */
      char want[256];
      snprintf(want, sizeof want, "\"code\":\"%s\"", expect);
      EXPECT(strstr(last_error(), want) != NULL, "%s: expected %s, detail %s", name, expect, last_error());
      /* The same line and column as the CLI and Python give (the core's answer). */
      unsigned l = 0, c = 0;
      if (sscanf(where, "%u:%u", &l, &c) == 2) {
        char pos[64];
        snprintf(pos, sizeof pos, "\"line\":%u,\"column\":%u", l, c);
        EXPECT(strstr(last_error(), pos) != NULL, "%s: expected %s, detail %s", name, pos, last_error());
      }
      if (out.data) beian_buf_free(&out);
    }
    free(data);
    n++;
  }
  beian_engine_free(engine);
  free(list);
  EXPECT(n >= 20, "list.tsv has only %d inputs", n);
  printf("hostile: %d inputs\n", n);
  return finish("hostile");
}
