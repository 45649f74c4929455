<?php

// The class API on the command line (where ffi.enable=preload allows FFI): loaded through the
// PSR-4 mapping of composer.json, as Composer's autoloader would; exceptions and their detail.
//
//   php api_test.php VERSION PACK.json APPLICATION.json
// VERSION is what beian_version() must say; PACK.json a pack `beiancheck rules --export` wrote.
declare(strict_types=1);

use Beiancheck\BeiancheckException;
use Beiancheck\Engine;

[, $version, $packFile, $appFile] = $argv;

// Composer's psr-4 rule, from composer.json itself (so a wrong mapping fails here).
$composer = json_decode(file_get_contents(__DIR__ . '/../composer.json'), true, 16, JSON_THROW_ON_ERROR);
foreach ($composer['autoload']['psr-4'] as $prefix => $dir) {
    spl_autoload_register(static function (string $class) use ($prefix, $dir): void {
        if (str_starts_with($class, $prefix)) {
            require __DIR__ . '/../' . $dir . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
        }
    });
}

$passed = 0;
$failed = 0;
function check(string $what, bool $ok, string $detail = ''): void
{
    global $passed, $failed;
    if ($ok) {
        $passed++;
    } else {
        $failed++;
        fwrite(STDERR, "FAIL $what" . ($detail !== '' ? ": $detail" : '') . "\n");
    }
}
/** @return BeiancheckException|null what $f threw */
function thrown(callable $f): ?BeiancheckException
{
    try {
        $f();
    } catch (BeiancheckException $e) {
        return $e;
    }
    return null;
}

check('version', Engine::version() === $version, Engine::version() . " vs $version");

$engine = Engine::embedded();
$json = file_get_contents($appFile);
$r = $engine->check($json);
$d = json_decode($json, true, 512, JSON_THROW_ON_ERROR);
$fromArray = $engine->check($d);
check('an array gives the same report as its JSON', $fromArray->json === $r->json);
$a = $r->toArray();
check('typed view = decoded report', $r->verdict === $a['verdict'] && $r->filingType === $a['filing_type'] && $r->asOf === $a['as_of']
    && $r->codes() === array_column($a['findings'], 'code') && $r->materials() === $a['materials'] && (string) $r === $r->json);
check('isEligible', $r->isEligible() === ($a['verdict'] === 'eligible'));
check('an empty array is the empty application', $engine->check([])->json === $engine->check('{}')->json);

$e = thrown(fn () => $engine->check("{\"province\": \"SH\",\n"));
check('malformed JSON', $e instanceof Beiancheck\MalformedInputException && $e->getResult() === 7003 && $e->getCode() === 7003
    && $e->getErrorCode() === 'INPUT_MALFORMED' && $e->getInputLine() === 2, $e?->getMessage() ?? 'nothing thrown');
$e = thrown(fn () => $engine->check("{\"province\": \"S\xff\"}"));
check('invalid UTF-8', $e instanceof Beiancheck\MalformedInputException && $e->getResult() === 7002 && $e->getInputLine() === 1, $e?->getMessage() ?? 'nothing thrown');
$e = thrown(fn () => $engine->check(['province' => "S\xff"]));
check('an array that is not UTF-8', $e instanceof Beiancheck\MalformedInputException && $e->getErrorCode() === 'INPUT_MALFORMED', $e?->getMessage() ?? 'nothing thrown');
$e = thrown(fn () => $engine->check(str_repeat(' ', 16 * 1024 * 1024 + 1)));
check('16 MiB + 1', $e instanceof Beiancheck\InputTooLargeException && $e->getResult() === 7005 && $e->getErrorCode() === 'INPUT_LIMIT_EXCEEDED', $e?->getMessage() ?? 'nothing thrown');

$dom = $engine->checkDomain('例子.中国');
check('domain', $dom->verdict === 'eligible' && $dom->ascii === 'xn--fsqu00a.xn--fiqs8s' && $dom->unicode === '例子.中国' && $dom->codes() === []);
$dom = $engine->checkDomain('example.gov.cn', 'individual', 'BJ');
check('domain for a subject kind', in_array('DOMAIN_SUFFIX_RESERVED', $dom->codes(), true), $dom->json);
$e = thrown(fn () => $engine->checkDomain('example.cn', null, "S\0H"));
check('a NUL in the province', $e instanceof Beiancheck\MalformedInputException && $e->getPath() === 'province', $e?->getMessage() ?? 'nothing thrown');

$m = $engine->materials(['province' => 'SH', 'subject_kind' => 'individual']);
check('materials', in_array('SUBJECT_CERTIFICATE', array_column($m->materials(), 'code'), true), $m->json);
$e = thrown(fn () => $engine->materials(['provnce' => 'SH']));
check('materials: an unknown field is refused', $e instanceof Beiancheck\MalformedInputException && str_contains($e->getMessage(), 'provnce'), $e?->getMessage() ?? 'nothing thrown');

$e = thrown(fn () => Engine::fromPack('{"meta": 1}'));
check('a bad pack', $e instanceof Beiancheck\InvalidPackException && $e->getResult() === 7004 && $e->getErrorCode() === 'PACK_INVALID', $e?->getMessage() ?? 'nothing thrown');
$own = Engine::fromPack(file_get_contents($packFile));
check('an exported pack answers as the embedded one', $own->check($json)->json === $r->json);

$id = $engine->checkId('resident_id', '310104199001011233', '2026-01-01');
check('checkId: valid', $id->valid && $id->reason === null && $id->kind === 'resident_id' && $id->toArray()['age'] === 36, $id->json);
$id = $engine->checkId('resident_id', '310104199001011234', '2026-01-01');
check('checkId: invalid, with its reason', !$id->valid && $id->reason === 'CHECK_DIGIT' && $id->toArray()['expected'] === '3', $id->json);
check('checkId: today when no date', $engine->checkId('mobile', '13800138000')->valid);
$e = thrown(fn () => $engine->checkId('residentid', '310104199001011233'));
check('checkId: an unknown kind', $e instanceof Beiancheck\InvalidArgumentException && $e->getResult() === 7009 && $e->getErrorCode() === 'INVALID_ARGUMENT'
    && $e->getPath() === 'kind' && str_contains($e->getMessage(), 'residentid'), $e?->getMessage() ?? 'nothing thrown');
$e = thrown(fn () => $engine->checkId("resident_id\0x", '310104199001011233'));
check('checkId: a NUL in the kind', $e instanceof Beiancheck\InvalidArgumentException && $e->getPath() === 'kind', $e?->getMessage() ?? 'nothing thrown');
$e = thrown(fn () => $engine->checkId('resident_id', '310104199001011233', '2026-13-01'));
check('checkId: a bad date', $e instanceof Beiancheck\InvalidArgumentException && $e->getPath() === 'as_of', $e?->getMessage() ?? 'nothing thrown');

$engine->close();
$e = thrown(fn () => $engine->check($json));
check('a closed engine', $e instanceof Beiancheck\EngineClosedException && $e->getResult() === 7001 && $e->getErrorCode() === 'ENGINE_CLOSED', $e?->getMessage() ?? 'nothing thrown');
$engine->close();
check('close twice', true);
$e = thrown(fn () => $engine->checkDomain('example.cn'));
check('a closed engine, domains too', $e instanceof Beiancheck\EngineClosedException);

echo "php-api: $passed passed, $failed failed\n";
exit($failed === 0 ? 0 : 1);
