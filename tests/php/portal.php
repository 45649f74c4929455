<?php
// A legacy filing portal calling libbeiancheck through PHP's FFI extension, the way such
// portals embed C libraries: checks one application and two domains and prints the findings.
//
//   php -d ffi.enable=1 portal.php HEADER LIBRARY APPLICATION.json
//
// HEADER is include/beiancheck.h with the preprocessor already run (FFI::cdef takes plain
// declarations); tests/php/run.sh generates it from the committed header.
declare(strict_types=1);

const BEIAN_OK = 7000;

if ($argc !== 4) {
    fwrite(STDERR, "usage: php portal.php HEADER LIBRARY APPLICATION.json\n");
    exit(2);
}
[, $header, $library, $appFile] = $argv;
$ffi = FFI::cdef(file_get_contents($header), $library);

/** The JSON a beian_* function answers, decoded; or the error detail when it fails. */
function call(FFI $ffi, string $fn, FFI\CData $engine, string $input): array
{
    $buf = $ffi->new("beian_buf");
    $r = $ffi->$fn($engine, $input, strlen($input), FFI::addr($buf));
    if ($r !== BEIAN_OK) {
        $detail = $ffi->new("beian_buf");
        $d = [];
        if ($ffi->beian_last_error_json(FFI::addr($detail)) === BEIAN_OK) {
            $d = json_decode(FFI::string($detail->data, $detail->len), true, 64, JSON_THROW_ON_ERROR);
            $ffi->beian_buf_free(FFI::addr($detail));
        }
        return ['error' => $r, 'detail' => $d];
    }
    // Copy the bytes into PHP, then give the buffer back to the library that allocated it.
    $json = FFI::string($buf->data, $buf->len);
    $ffi->beian_buf_free(FFI::addr($buf));
    return json_decode($json, true, 512, JSON_THROW_ON_ERROR);
}

// A `const char *` result arrives as a PHP string (a copy; the library's string is static).
echo "version: ", $ffi->beian_version(), "\n";

$engine = $ffi->new("const beian_engine *");
$r = $ffi->beian_engine_new_embedded(FFI::addr($engine));
if ($r !== BEIAN_OK) {
    fwrite(STDERR, "beian_engine_new_embedded: $r\n");
    exit(1);
}

$report = call($ffi, "beian_check_json", $engine, file_get_contents($appFile));
if (isset($report['error'])) {
    fwrite(STDERR, "beian_check_json: {$report['error']} " . json_encode($report['detail']) . "\n");
    exit(1);
}
$codes = array_map(fn ($f) => $f['code'], $report['findings']);
printf("application: verdict=%s filing_type=%s codes=%s\n", $report['verdict'], $report['filing_type'] ?? 'null', implode(',', $codes));
foreach ($report['findings'] as $f) {
    printf("  finding %s [%s] %s: %s\n", $f['code'], $f['severity'], $f['path'], $f['message']['zh']);
}
foreach ($report['materials'] as $m) {
    printf("  material %s: %s\n", $m['code'], $m['name']['zh']);
}

foreach (["example.io", "例子.中国"] as $name) {
    $d = call($ffi, "beian_check_domain", $engine, $name);
    $codes = array_map(fn ($f) => $f['code'], $d['findings']);
    printf("domain %s: verdict=%s ascii=%s codes=%s\n", $name, $d['verdict'], $d['ascii'], implode(',', $codes));
}

// A broken submission: the portal shows where the JSON breaks.
$bad = call($ffi, "beian_check_json", $engine, "{\"province\": \"SH\",\n");
printf("malformed: result=%d code=%s line=%d\n", $bad['error'] ?? BEIAN_OK, $bad['detail']['code'] ?? '', $bad['detail']['line'] ?? 0);

$ffi->beian_engine_free($engine);
echo "portal: done\n";
