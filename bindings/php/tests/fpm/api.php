<?php

// The page a portal would have, run by php-fpm (bindings/php/tests/run.sh sends requests to it
// with cgi-fcgi). This file is NOT preloaded: it calls the preloaded Beiancheck classes, which
// is the only way FFI works under ffi.enable=preload.
//
//   POST ?op=check      body: the application JSON      → the report JSON, as the library wrote it
//   POST ?op=domain&subject=…&province=…  body: a name  → the domain report JSON
//   POST ?op=materials  body: the query JSON            → the materials JSON
//   POST ?op=id&kind=…&as_of=…  body: the number         → the identity number's answer JSON
//   GET  ?op=probe                                      → how this server runs FFI (for the test)
// A refused input answers 422 with {"exception", "result", "detail"}.
declare(strict_types=1);

use Beiancheck\BeiancheckException;
use Beiancheck\Engine;

$op = $_GET['op'] ?? '';
$body = file_get_contents('php://input');
header('Content-Type: application/json; charset=utf-8');

if ($op === 'probe') {
    $status = opcache_get_status(false);
    try {
        // Straight FFI from a file that is not preloaded: must be refused (ffi.enable=preload).
        FFI::cdef('int abs(int);')->abs(-1);
        $direct = 'allowed';
    } catch (FFI\Exception $e) {
        $direct = 'refused: ' . $e->getMessage();
    }
    echo json_encode([
        'sapi' => PHP_SAPI,
        'ffi.enable' => ini_get('ffi.enable'),
        'preloaded_classes' => $status['preload_statistics']['classes'] ?? [],
        'direct_ffi' => $direct,
        'version' => Engine::version(),
        'pid' => getmypid(),
    ], JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
    exit;
}

try {
    $engine = Engine::embedded();
    echo match ($op) {
        'check' => $engine->check($body)->json,
        'domain' => $engine->checkDomain($body, $_GET['subject'] ?? null, $_GET['province'] ?? null)->json,
        'materials' => $engine->materials($body)->json,
        'id' => $engine->checkId($_GET['kind'] ?? '', $body, $_GET['as_of'] ?? null)->json,
        default => throw new InvalidArgumentException("unknown op '$op'"),
    };
} catch (BeiancheckException $e) {
    http_response_code(422);
    echo json_encode(['exception' => get_class($e), 'result' => $e->getResult(), 'detail' => $e->getDetail()], JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
}
