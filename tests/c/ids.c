/* beian_check_id: identity numbers on their own, through the C ABI.
 *
 *   ids VALUES.txt KIND AS_OF   prints one JSON answer per line of VALUES.txt (run.sh compares
 *                                them with `beiancheck id --json`: the same answer in both faces)
 *
 * First the fixed expectations: valid and invalid numbers, an empty value, NULLs, an unknown
 * kind, a bad date, invalid UTF-8; outputs untouched on failure. */
#include "common.h" /* first: it sets _POSIX_C_SOURCE */

static uint8_t sentinel_byte;
#define SENTINEL_BUF {&sentinel_byte, 4242}
#define UNTOUCHED(b) ((b).data == &sentinel_byte && (b).len == 4242)

static int contains(const char *hay, const char *needle) { return strstr(hay, needle) != NULL; }

/* The answer for `value` as a malloc'd string (NULL when the call failed). */
static char *answer(const char *kind, const char *value, size_t len, const char *as_of, beian_result *r) {
  beian_buf out = SENTINEL_BUF;
  *r = beian_check_id(kind, value, len, as_of, &out);
  if (*r != BEIAN_OK) {
    EXPECT(UNTOUCHED(out), "out untouched on failure (%u)", (unsigned)*r);
    return NULL;
  }
  EXPECT(out.data[out.len] == '\0' && strlen((const char *)out.data) == out.len, "NUL-terminated");
  char *s = strdup((const char *)out.data);
  beian_buf_free(&out);
  EXPECT(out.data == NULL && out.len == 0, "freed buffers are zeroed");
  return s;
}

static void expectations(void) {
  beian_result r;
  const char *id = "310104199001011233";
  char *s = answer("resident_id", id, strlen(id), "2026-01-01", &r);
  EXPECT(r == BEIAN_OK && s, "valid resident ID");
  if (s) {
    EXPECT(contains(s, "\"valid\":true") && contains(s, "\"birth_date\":\"1990-01-01\"") && contains(s, "\"sex\":\"male\"") &&
               contains(s, "\"age\":36") && contains(s, "\"province\":\"SH\"") && contains(s, "\"reason\":null"),
           "%s", s);
    free(s);
  }
  s = answer("resident_id", "310104199001011234", 18, "2026-01-01", &r);
  EXPECT(s && contains(s, "\"valid\":false") && contains(s, "\"reason\":\"CHECK_DIGIT\"") && contains(s, "\"expected\":\"3\""),
         "invalid is still BEIAN_OK with its reason: %s", s ? s : "(failed)");
  free(s);
  /* An empty value (a non-NULL pointer, length 0) is a value: LENGTH. */
  s = answer("credit_code", "", 0, NULL, &r);
  EXPECT(s && contains(s, "\"reason\":\"LENGTH\""), "empty: %s", s ? s : "(failed)");
  free(s);
  /* `len` bytes only: the rest of the buffer is not read. */
  s = answer("mobile", "13800138000XXXX", 11, NULL, &r);
  EXPECT(s && contains(s, "\"valid\":true") && contains(s, "\"normalised\":\"13800138000\""), "len bounds: %s", s ? s : "");
  free(s);
  /* A NUL inside the value is a character like any other: CHARSET at its position. */
  s = answer("passport", "E12\0" "34567", 8, NULL, &r);
  EXPECT(s && contains(s, "\"reason\":\"CHARSET\"") && contains(s, "\"position\":4"), "NUL: %s", s ? s : "");
  free(s);

  EXPECT(!answer(NULL, id, 18, NULL, &r) && r == BEIAN_NULL_PARAMETER, "NULL kind");
  EXPECT(contains(last_error(), "\"path\":\"kind\""), "%s", last_error());
  EXPECT(!answer("resident_id", NULL, 18, NULL, &r) && r == BEIAN_NULL_PARAMETER, "NULL value");
  EXPECT(contains(last_error(), "\"path\":\"value\""), "%s", last_error());
  EXPECT(beian_check_id("resident_id", id, 18, NULL, NULL) == BEIAN_NULL_PARAMETER, "NULL out");
  EXPECT(!answer("ssn", id, 18, NULL, &r) && r == BEIAN_INVALID_ARGUMENT, "unknown kind");
  EXPECT(contains(last_error(), "\"code\":\"INVALID_ARGUMENT\"") && contains(last_error(), "\"path\":\"kind\"") &&
             contains(last_error(), "resident_id, credit_code"),
         "%s", last_error());
  EXPECT(!answer("resident_id", id, 18, "2026-02-30", &r) && r == BEIAN_INVALID_ARGUMENT, "bad as_of");
  EXPECT(contains(last_error(), "\"path\":\"as_of\""), "%s", last_error());
  EXPECT(!answer("resident_id", "\xff", 1, NULL, &r) && r == BEIAN_INVALID_UTF8, "invalid UTF-8");
  EXPECT(!answer("resident_id", id, BEIAN_MAX_INPUT + 1, NULL, &r) && r == BEIAN_INPUT_TOO_LARGE, "over the limit");
  char msg[BEIAN_MESSAGE_MAX];
  size_t n;
  EXPECT(beian_result_message(BEIAN_INVALID_ARGUMENT, msg, sizeof msg, &n) == BEIAN_OK && !contains(msg, "unknown"), "%s", msg);
}

int main(int argc, char **argv) {
  if (argc != 4) die("usage", "ids VALUES.txt KIND AS_OF");
  expectations();
  size_t len;
  char *text = read_file(argv[1], &len);
  char *line = text;
  while (line < text + len) {
    char *end = memchr(line, '\n', (size_t)(text + len - line));
    size_t n = end ? (size_t)(end - line) : (size_t)(text + len - line);
    beian_result r;
    char *s = answer(argv[2], line, n, argv[3], &r);
    EXPECT(s, "line value answered (%u)", (unsigned)r);
    if (s) printf("%s\n", s);
    free(s);
    line += n + 1;
  }
  free(text);
  if (failures) {
    fprintf(stderr, "ids: %d failure(s)\n", failures);
    return 1;
  }
  fprintf(stderr, "ids: ok\n");
  return 0;
}
