/* Everything a careless caller can do wrong gets the right beian_result, outputs stay untouched
 * on failure, and nothing crashes or leaks (this program also runs under valgrind and ASan).
 *
 *   misuse APP.json MALFORMED.txt PACK.json */
#include "common.h" /* first: it sets _POSIX_C_SOURCE */

#include <limits.h>
#include <pthread.h>

_Static_assert(BEIAN_OK == 7000, "results start at 7000");
_Static_assert(BEIAN_NULL_PARAMETER == 7001 && BEIAN_INVALID_UTF8 == 7002 && BEIAN_MALFORMED_JSON == 7003 &&
                   BEIAN_INVALID_PACK == 7004 && BEIAN_INPUT_TOO_LARGE == 7005 && BEIAN_PANIC == 7006 &&
                   BEIAN_BUFFER_TOO_SMALL == 7007 && BEIAN_NO_ERROR_DETAIL == 7008 && BEIAN_INVALID_ARGUMENT == 7009,
               "result values are part of the ABI");
_Static_assert(BEIAN_MAX_INPUT == 16u * 1024u * 1024u, "the documented limit");
_Static_assert(sizeof(beian_result) == 4, "beian_result is a uint32_t");

static uint8_t sentinel_byte;
/* A beian_buf the library must not touch on failure. */
#define SENTINEL_BUF {&sentinel_byte, 4242}
#define UNTOUCHED(b) ((b).data == &sentinel_byte && (b).len == 4242)

static const beian_engine *engine;

static int contains(const char *hay, const char *needle) { return strstr(hay, needle) != NULL; }

static void version(void) {
  const char *v = beian_version();
  char want[64];
  snprintf(want, sizeof want, "beiancheck/%d.%d.%d rules/", BEIAN_VERSION_MAJOR, BEIAN_VERSION_MINOR,
           BEIAN_VERSION_PATCH);
  EXPECT(v && strncmp(v, want, strlen(want)) == 0, "version %s, want prefix %s", v ? v : "(null)", want);
  EXPECT(v && strlen(v) > strlen(want), "the version names the rules: %s", v ? v : "(null)");
  EXPECT(beian_version() == v, "the version string is static");
  printf("%s\n", v);
}

static void result_messages(void) {
  char buf[BEIAN_MESSAGE_MAX];
  size_t n = 999;
  const char *seen[10] = {0};
  for (unsigned r = 7000; r <= 7009; r++) {
    n = 999;
    EXPECT(beian_result_message(r, buf, sizeof buf, &n) == BEIAN_OK, "message of %u", r);
    EXPECT(n == strlen(buf) && n > 0 && n < BEIAN_MESSAGE_MAX, "length of message %u", r);
    EXPECT(!contains(buf, "unknown"), "%u is known: %s", r, buf);
    seen[r - 7000] = strdup(buf);
    for (unsigned j = 7000; j < r; j++) EXPECT(strcmp(seen[j - 7000], buf) != 0, "%u and %u differ", j, r);
  }
  for (int i = 0; i < 10; i++) free((void *)seen[i]);
  unsigned unknown[] = {0, 1, 6999, 7010, UINT_MAX};
  for (size_t i = 0; i < sizeof unknown / sizeof *unknown; i++) {
    EXPECT(beian_result_message(unknown[i], buf, sizeof buf, &n) == BEIAN_OK, "unknown %u", unknown[i]);
    EXPECT(strcmp(buf, "unknown beian_result") == 0, "unknown %u: %s", unknown[i], buf);
  }
  /* Too small by one byte (the NUL): nothing written at all. */
  beian_result_message(BEIAN_OK, buf, sizeof buf, &n);
  size_t need = n + 1;
  memset(buf, 'X', sizeof buf);
  n = 999;
  EXPECT(beian_result_message(BEIAN_OK, buf, need - 1, &n) == BEIAN_BUFFER_TOO_SMALL, "too small");
  EXPECT(n == 999 && buf[0] == 'X' && buf[need - 2] == 'X', "nothing written when too small");
  EXPECT(beian_result_message(BEIAN_OK, buf, 0, &n) == BEIAN_BUFFER_TOO_SMALL, "len 0");
  EXPECT(beian_result_message(BEIAN_OK, buf, need, &n) == BEIAN_OK && n == need - 1, "exact fit");
  EXPECT(beian_result_message(BEIAN_OK, NULL, 64, &n) == BEIAN_NULL_PARAMETER, "NULL buf");
  EXPECT(beian_result_message(BEIAN_OK, buf, sizeof buf, NULL) == BEIAN_NULL_PARAMETER, "NULL out_n");
}

static void null_arguments(void) {
  const char *app = "{}";
  beian_buf out = SENTINEL_BUF;
  const beian_engine *e = (const beian_engine *)&sentinel_byte;

  EXPECT(beian_engine_new_embedded(NULL) == BEIAN_NULL_PARAMETER, "new_embedded(NULL)");
  EXPECT(contains(last_error(), "\"code\":\"NULL_PARAMETER\"") && contains(last_error(), "\"path\":\"out\""),
         "detail names the argument: %s", last_error());
  EXPECT(beian_engine_new_from_pack(NULL, 10, &e) == BEIAN_NULL_PARAMETER && e == (const beian_engine *)&sentinel_byte,
         "new_from_pack(NULL pack)");
  EXPECT(beian_engine_new_from_pack((const uint8_t *)app, 2, NULL) == BEIAN_NULL_PARAMETER, "new_from_pack(NULL out)");
  beian_engine_free(NULL);

  typedef beian_result (*entry)(const beian_engine *, const char *, size_t, beian_buf *);
  struct { const char *name; entry f; } entries[] = {
      {"beian_check_json", beian_check_json},
      {"beian_check_domain", beian_check_domain},
      {"beian_materials_json", beian_materials_json},
  };
  for (size_t i = 0; i < 3; i++) {
    EXPECT(entries[i].f(NULL, app, 2, &out) == BEIAN_NULL_PARAMETER && UNTOUCHED(out), "%s(NULL engine)", entries[i].name);
    EXPECT(contains(last_error(), "\"path\":\"engine\""), "%s: %s", entries[i].name, last_error());
    EXPECT(entries[i].f(engine, NULL, 2, &out) == BEIAN_NULL_PARAMETER && UNTOUCHED(out), "%s(NULL input)", entries[i].name);
    EXPECT(entries[i].f(engine, NULL, 0, &out) == BEIAN_NULL_PARAMETER && UNTOUCHED(out), "%s(NULL, 0)", entries[i].name);
    EXPECT(entries[i].f(engine, app, 2, NULL) == BEIAN_NULL_PARAMETER, "%s(NULL out)", entries[i].name);
    EXPECT(entries[i].f(NULL, NULL, 0, NULL) == BEIAN_NULL_PARAMETER, "%s(all NULL)", entries[i].name);
  }
  EXPECT(beian_last_error_json(NULL) == BEIAN_NULL_PARAMETER, "last_error_json(NULL)");

  /* Freeing NULL, a zeroed buf, and the same buf twice. */
  beian_buf_free(NULL);
  beian_buf zero = {0};
  beian_buf_free(&zero);
  EXPECT(zero.data == NULL && zero.len == 0, "a zeroed buf stays zeroed");
  beian_buf real = {0};
  EXPECT(beian_check_domain(engine, "example.cn", 10, &real) == BEIAN_OK, "a domain");
  beian_buf_free(&real);
  EXPECT(real.data == NULL && real.len == 0, "free zeroes the buf");
  beian_buf_free(&real);
}

static void bad_text(const char *app_path, const char *malformed_path) {
  beian_buf out = SENTINEL_BUF;
  /* Invalid UTF-8 in each text entry point, located by line and column. */
  const char bad[] = "{\"province\":\"\xff\"}";
  EXPECT(beian_check_json(engine, bad, sizeof bad - 1, &out) == BEIAN_INVALID_UTF8 && UNTOUCHED(out), "UTF-8 json");
  EXPECT(contains(last_error(), "\"line\":1,\"column\":14"), "UTF-8 located: %s", last_error());
  EXPECT(beian_check_domain(engine, "ex\xc3(.com", 8, &out) == BEIAN_INVALID_UTF8 && UNTOUCHED(out), "UTF-8 domain");
  const char *surrogate = "{\"province\":\"\xed\xa0\x80\"}";
  EXPECT(beian_materials_json(engine, surrogate, strlen(surrogate), &out) == BEIAN_INVALID_UTF8 && UNTOUCHED(out),
         "a UTF-16 surrogate is not UTF-8");

  /* A truncated application: malformed JSON with the place. */
  size_t len;
  char *app = read_file(app_path, &len);
  EXPECT(beian_check_json(engine, app, len / 2, &out) == BEIAN_MALFORMED_JSON && UNTOUCHED(out), "truncated");
  EXPECT(contains(last_error(), "\"code\":\"INPUT_MALFORMED\"") && contains(last_error(), "\"result\":7003"),
         "truncated: %s", last_error());
  EXPECT(beian_check_json(engine, app, 0, &out) == BEIAN_MALFORMED_JSON && UNTOUCHED(out), "empty input");
  /* The whole application: a report, and the detail is cleared by the success. */
  beian_buf report = {0};
  EXPECT(beian_check_json(engine, app, len, &report) == BEIAN_OK, "the whole application");
  EXPECT(beian_last_error_json(&out) == BEIAN_NO_ERROR_DETAIL && UNTOUCHED(out), "a success clears the detail");
  beian_buf_free(&report);
  free(app);

  /* The shared malformed case: INPUT_MALFORMED at line 2. */
  char *mal = read_file(malformed_path, &len);
  EXPECT(beian_check_json(engine, mal, len, &out) == BEIAN_MALFORMED_JSON && UNTOUCHED(out), "malformed.txt");
  EXPECT(contains(last_error(), "\"code\":\"INPUT_MALFORMED\",\"line\":2,"), "malformed.txt at line 2: %s", last_error());
  printf("malformed.txt -> %s\n", last_error());
  /* Reading the detail does not consume it. */
  EXPECT(contains(last_error(), "\"line\":2,"), "read twice");
  free(mal);

  /* Valid JSON that is not an object is an input error at its first character, as in every
     face: no report pretends to answer it. */
  EXPECT(beian_check_json(engine, "42", 2, &out) == BEIAN_MALFORMED_JSON && UNTOUCHED(out), "a number is an input error");
  EXPECT(contains(last_error(), "\"line\":1,"), "a number is located at line 1");
  /* A NUL inside the given length is data, not the end: a raw control character is malformed. */
  EXPECT(beian_check_json(engine, "{\"province\":\"S\0H\"}", 18, &out) == BEIAN_MALFORMED_JSON, "embedded NUL");
  /* Nesting far deeper than the parser allows: an error, not a stack overflow. */
  size_t depth = 100000;
  char *deep = malloc(2 * depth);
  memset(deep, '[', depth);
  memset(deep + depth, ']', depth);
  EXPECT(beian_check_json(engine, deep, 2 * depth, &out) == BEIAN_MALFORMED_JSON && UNTOUCHED(out), "deep nesting");
  free(deep);
  /* Materials: an unknown field is refused with its name. */
  const char *q = "{\"provnce\":\"SH\"}";
  EXPECT(beian_materials_json(engine, q, strlen(q), &out) == BEIAN_MALFORMED_JSON && UNTOUCHED(out), "unknown field");
  EXPECT(contains(last_error(), "provnce"), "names the field: %s", last_error());
}

static void oversized(void) {
  beian_buf out = SENTINEL_BUF;
  size_t n = (size_t)BEIAN_MAX_INPUT + 1;
  char *big = malloc(n);
  if (!big) die("malloc", "16 MiB");
  memset(big, ' ', n);
  big[0] = '{';
  big[n - 2] = '}';
  EXPECT(beian_check_json(engine, big, n, &out) == BEIAN_INPUT_TOO_LARGE && UNTOUCHED(out), "check_json over the limit");
  EXPECT(contains(last_error(), "\"code\":\"INPUT_LIMIT_EXCEEDED\""), "limit detail: %s", last_error());
  EXPECT(beian_check_domain(engine, big, n, &out) == BEIAN_INPUT_TOO_LARGE && UNTOUCHED(out), "domain over the limit");
  EXPECT(beian_materials_json(engine, big, n, &out) == BEIAN_INPUT_TOO_LARGE && UNTOUCHED(out), "materials over");
  const beian_engine *e = (const beian_engine *)&sentinel_byte;
  EXPECT(beian_engine_new_from_pack((const uint8_t *)big, n, &e) == BEIAN_INPUT_TOO_LARGE &&
             e == (const beian_engine *)&sentinel_byte,
         "pack over the limit");
  /* Applications are also bounded by the engine's own limits (core Limits: max_input_bytes =
   * 1 MiB by default, docs/C_API.md): exactly 1 MiB is answered, one byte more is refused with
   * the limit named in the detail. */
  {
    const size_t engine_max = 1024 * 1024;
    beian_buf report = {0};
    memset(big, ' ', engine_max);
    memcpy(big, "{\"province\":\"SH\"", 16);
    big[engine_max - 1] = '}';
    EXPECT(beian_check_json(engine, big, engine_max, &report) == BEIAN_OK, "at the engine limit: %s", last_error());
    beian_buf_free(&report);
    big[engine_max] = ' ';
    EXPECT(beian_check_json(engine, big, engine_max + 1, &report) == BEIAN_INPUT_TOO_LARGE && report.data == NULL,
           "one byte over the engine limit");
    EXPECT(contains(last_error(), "max_input_bytes"), "engine limit detail: %s", last_error());
  }
  free(big);
}

static void packs(const char *pack_path, const char *app_path) {
  const beian_engine *e = (const beian_engine *)&sentinel_byte;
  const char *junk = "not a pack";
  EXPECT(beian_engine_new_from_pack((const uint8_t *)junk, strlen(junk), &e) == BEIAN_INVALID_PACK &&
             e == (const beian_engine *)&sentinel_byte,
         "junk pack");
  EXPECT(contains(last_error(), "\"code\":\"PACK_INVALID\""), "pack detail: %s", last_error());
  EXPECT(beian_engine_new_from_pack((const uint8_t *)junk, 0, &e) == BEIAN_INVALID_PACK, "empty pack");

  size_t len;
  char *pack = read_file(pack_path, &len);
  /* A real pack with one wrong value: refused, and the detail says where. */
  char *fmt = strstr(pack, "\"format\":1");
  if (!fmt) die("no format field in", pack_path);
  fmt[9] = '9';
  EXPECT(beian_engine_new_from_pack((const uint8_t *)pack, len, &e) == BEIAN_INVALID_PACK, "format 9");
  EXPECT(contains(last_error(), "\"path\":\"format\""), "where: %s", last_error());
  fmt[9] = '1';
  /* Cut in half: refused. */
  EXPECT(beian_engine_new_from_pack((const uint8_t *)pack, len / 2, &e) == BEIAN_INVALID_PACK, "half a pack");
  /* The exported pack itself: an engine answering exactly like the embedded one. */
  EXPECT(beian_engine_new_from_pack((const uint8_t *)pack, len, &e) == BEIAN_OK && e != NULL, "%s", last_error());
  free(pack); /* the engine keeps nothing of the caller's bytes */
  if (e != (const beian_engine *)&sentinel_byte) {
    char *app = read_file(app_path, &len);
    beian_buf a = {0}, b = {0};
    EXPECT(beian_check_json(engine, app, len, &a) == BEIAN_OK, "embedded");
    EXPECT(beian_check_json(e, app, len, &b) == BEIAN_OK, "from pack");
    EXPECT(a.len == b.len && a.len > 0 && memcmp(a.data, b.data, a.len) == 0, "same report from the same pack");
    beian_buf_free(&a);
    beian_buf_free(&b);
    beian_engine_free(e);
    free(app);
  }
}

static void domains_and_materials(void) {
  beian_buf out = {0};
  /* Only `len` bytes are read: no NUL needed. */
  EXPECT(beian_check_domain(engine, "example.ioXXXX", 10, &out) == BEIAN_OK, "domain");
  EXPECT(contains((char *)out.data, "\"input\":\"example.io\"") && contains((char *)out.data, "DOMAIN_TLD_NOT_APPROVED") &&
             contains((char *)out.data, "\"verdict\":\"ineligible\""),
         "example.io: %s", (char *)out.data);
  beian_buf_free(&out);
  EXPECT(beian_check_domain(engine, "", 0, &out) == BEIAN_OK && contains((char *)out.data, "DOMAIN_INVALID"), "empty name");
  beian_buf_free(&out);
  const char *idn = "\xe4\xbe\x8b\xe5\xad\x90.\xe4\xb8\xad\xe5\x9b\xbd"; /* 例子.中国 */
  EXPECT(beian_check_domain(engine, idn, strlen(idn), &out) == BEIAN_OK &&
             contains((char *)out.data, "\"ascii\":\"xn--fsqu00a.xn--fiqs8s\""),
         "IDN");
  beian_buf_free(&out);
  const char *q = "{\"province\":\"SH\",\"subject_kind\":\"individual\",\"non_local\":true}";
  EXPECT(beian_materials_json(engine, q, strlen(q), &out) == BEIAN_OK && contains((char *)out.data, "RESIDENCE_PERMIT"),
         "materials");
  beian_buf_free(&out);
  /* A subject kind and province: gov.cn is reserved, Beijing refuses .asia. */
  EXPECT(beian_check_domain_for(engine, "x.gov.cn", 8, "enterprise", "BJ", &out) == BEIAN_OK &&
             contains((char *)out.data, "DOMAIN_SUFFIX_RESERVED"),
         "domain_for gov.cn");
  beian_buf_free(&out);
  EXPECT(beian_check_domain_for(engine, "x.asia", 6, NULL, "\xe5\x8c\x97\xe4\xba\xac", &out) == BEIAN_OK &&
             contains((char *)out.data, "DOMAIN_TLD_NOT_ALLOWED_IN_PROVINCE"),
         "domain_for Beijing");
  beian_buf_free(&out);
  /* Limits: a stricter engine refuses what the default one answers, naming the limit. */
  const beian_engine *strict = NULL;
  const char *lim = "{\"max_string_chars\":12}";
  EXPECT(beian_engine_with_limits(engine, lim, strlen(lim), &strict) == BEIAN_OK && strict != NULL, "with_limits");
  const char *app = "{\"province\":\"SH\",\"subject\":{\"kind\":\"individual\",\"name\":\"abcdefghijklmnopq\"},\"websites\":[]}";
  EXPECT(beian_check_json(strict, app, strlen(app), &out) == BEIAN_INPUT_TOO_LARGE && out.data == NULL, "strict engine");
  EXPECT(contains(last_error(), "max_string_chars") && contains(last_error(), "subject.name"), "limit detail: %s", last_error());
  EXPECT(beian_check_json(engine, app, strlen(app), &out) == BEIAN_OK, "default engine");
  beian_buf_free(&out);
  const char *bad = "{\"max_widgets\":3}";
  const beian_engine *unchanged = (const beian_engine *)&sentinel_byte;
  EXPECT(beian_engine_with_limits(engine, bad, strlen(bad), &unchanged) == BEIAN_MALFORMED_JSON &&
             unchanged == (const beian_engine *)&sentinel_byte,
         "unknown limit");
  beian_engine_free(strict);
}

/* The error detail is per thread: a failure here is invisible to another thread. */
static void *other_thread(void *arg) {
  beian_buf out = SENTINEL_BUF;
  *(beian_result *)arg = beian_last_error_json(&out);
  return NULL;
}

static void per_thread_detail(void) {
  beian_buf out = SENTINEL_BUF;
  EXPECT(beian_check_json(engine, "{", 1, &out) == BEIAN_MALFORMED_JSON, "fail here");
  beian_result seen = 0;
  pthread_t t;
  if (pthread_create(&t, NULL, other_thread, &seen) != 0) die("pthread_create", "");
  pthread_join(t, NULL);
  EXPECT(seen == BEIAN_NO_ERROR_DETAIL, "another thread sees no detail (%u)", (unsigned)seen);
  EXPECT(contains(last_error(), "INPUT_MALFORMED"), "this thread still does: %s", last_error());
}

int main(int argc, char **argv) {
  if (argc != 4) die("usage", "misuse APP.json MALFORMED.txt PACK.json");
  version();
  result_messages();
  beian_buf out = SENTINEL_BUF;
  EXPECT(beian_last_error_json(&out) == BEIAN_NO_ERROR_DETAIL && UNTOUCHED(out), "no detail before any call");
  if (beian_engine_new_embedded(&engine) != BEIAN_OK) die("beian_engine_new_embedded", last_error());
  null_arguments();
  bad_text(argv[1], argv[2]);
  oversized();
  packs(argv[3], argv[1]);
  domains_and_materials();
  per_thread_detail();
  beian_engine_free(engine);
  return finish("misuse");
}
