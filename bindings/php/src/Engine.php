<?php

declare(strict_types=1);

namespace Beiancheck;

use FFI;
use FFI\CData;

/**
 * The beiancheck engine in libbeiancheck, reached through PHP's FFI extension.
 *
 * Translation only: PHP values become the JSON the C library takes, and its JSON answer comes
 * back unchanged in the Report (->json) and decoded (->toArray()). Every decision is the
 * library's. Under php-fpm (ffi.enable=preload) FFI may only be used by preloaded code, so
 * preload.php loads these classes and the ffi.preload header (see the README's php.ini lines);
 * on the command line FFI::load() of beiancheck.h is used instead.
 *
 * One engine per request is cheap: the rule pack is parsed once per process and shared.
 */
final class Engine
{
    private const OK = 7000;

    private static ?FFI $ffi = null;

    private ?CData $handle;

    private function __construct(private readonly FFI $lib, CData $handle)
    {
        $this->handle = $handle;
    }

    /** The engine on the rule pack built into the library. */
    public static function embedded(): self
    {
        $lib = self::lib();
        $out = $lib->new('const beian_engine *');
        self::ok($lib, $lib->beian_engine_new_embedded(FFI::addr($out)));
        return new self($lib, $out);
    }

    /**
     * An engine on a replacement rule pack (what `beiancheck rules --export` writes), validated
     * completely: a bad pack throws InvalidPackException naming where.
     */
    public static function fromPack(string $pack): self
    {
        $lib = self::lib();
        $n = strlen($pack);
        $bytes = $lib->new('uint8_t[' . max($n, 1) . ']');
        FFI::memcpy($bytes, $pack, $n);
        $out = $lib->new('const beian_engine *');
        self::ok($lib, $lib->beian_engine_new_from_pack($bytes, $n, FFI::addr($out)));
        return new self($lib, $out);
    }

    /** The library's version and its rule pack's, e.g. "beiancheck/0.1.0 rules/2026.11.0". */
    public static function version(): string
    {
        return self::lib()->beian_version();
    }

    /**
     * Checks one application: a JSON string exactly as received, or an array (encoded with
     * json_encode; note that an empty PHP array inside it becomes [] — pass a JSON string or
     * stdClass where an empty object is meant).
     *
     * @param array<string, mixed>|string $application
     * @throws MalformedInputException not JSON, or not UTF-8 (with line and column)
     * @throws InputTooLargeException  over a limit (size, nesting, websites)
     */
    public function check(array|string $application): Report
    {
        $json = is_string($application) ? $application : self::encode($application);
        return new Report($this->call('beian_check_json', $json));
    }

    /**
     * Can this domain be filed? With a subject kind and a province, their rules apply too.
     */
    public function checkDomain(string $name, ?string $subjectKind = null, ?string $province = null): DomainReport
    {
        $engine = $this->engine();
        foreach (['subject_kind' => $subjectKind, 'province' => $province] as $what => $v) {
            if ($v !== null && str_contains($v, "\0")) {
                // The C API takes these NUL-terminated: refuse rather than let a shortened value through.
                throw new MalformedInputException(7002, ['result' => 7002, 'code' => 'INPUT_MALFORMED', 'line' => 0, 'column' => 0, 'path' => $what, 'message' => "`$what` contains a NUL byte"]);
            }
        }
        $buf = $this->lib->new('beian_buf');
        self::ok($this->lib, $this->lib->beian_check_domain_for($engine, $name, strlen($name), $subjectKind, $province, FFI::addr($buf)));
        return new DomainReport(self::take($this->lib, $buf));
    }

    /**
     * What must be prepared: a query such as ['province' => 'SH', 'subject_kind' => 'individual']
     * (fields as `beiancheck materials --json` takes them; an unknown field is refused).
     *
     * @param array<string, mixed>|string $query
     */
    public function materials(array|string $query = []): MaterialsReport
    {
        $json = is_string($query) ? $query : self::encode($query);
        return new MaterialsReport($this->call('beian_materials_json', $json));
    }

    /**
     * One identity number (kind: resident_id, credit_code, mobile, hk_macau_permit,
     * taiwan_permit, passport, hk_macau_residence, taiwan_residence), ages counted on $asOf
     * (YYYY-MM-DD; default today in Shanghai). An invalid number is an answer (->valid false,
     * ->reason); an unknown kind or a bad date throws InvalidArgumentException (7009).
     *
     * @throws InvalidArgumentException an unknown kind or a bad date (getPath(): kind / as_of)
     */
    public function checkId(string $kind, string $value, ?string $asOf = null): IdResult
    {
        $this->engine();
        foreach (['kind' => $kind, 'as_of' => $asOf] as $what => $v) {
            if ($v !== null && str_contains($v, "\0")) {
                // Taken NUL-terminated by the C API: refuse rather than let a shortened one through.
                throw new InvalidArgumentException(7009, ['result' => 7009, 'code' => 'INVALID_ARGUMENT', 'line' => 0, 'column' => 0, 'path' => $what, 'message' => "`$what` contains a NUL byte"]);
            }
        }
        $buf = $this->lib->new('beian_buf');
        self::ok($this->lib, $this->lib->beian_check_id($kind, $value, strlen($value), $asOf, FFI::addr($buf)));
        return new IdResult(self::take($this->lib, $buf));
    }

    /** Frees the engine now; later calls throw EngineClosedException. Safe to call twice. */
    public function close(): void
    {
        if ($this->handle !== null) {
            $this->lib->beian_engine_free($this->handle);
            $this->handle = null;
        }
    }

    public function __destruct()
    {
        $this->close();
    }

    private function call(string $fn, string $input): string
    {
        $engine = $this->engine();
        $buf = $this->lib->new('beian_buf');
        self::ok($this->lib, $this->lib->$fn($engine, $input, strlen($input), FFI::addr($buf)));
        return self::take($this->lib, $buf);
    }

    private function engine(): CData
    {
        return $this->handle ?? throw new EngineClosedException(7001, [
            'result' => 7001, 'code' => 'ENGINE_CLOSED', 'line' => 0, 'column' => 0, 'path' => 'engine',
            'message' => 'the engine was closed',
        ]);
    }

    /** Copies the answer into a PHP string and gives the buffer back to the library. */
    private static function take(FFI $lib, CData $buf): string
    {
        $s = FFI::string($buf->data, $buf->len);
        $lib->beian_buf_free(FFI::addr($buf));
        return $s;
    }

    /** @param array<mixed> $value */
    private static function encode(array $value): string
    {
        try {
            // An empty top-level array is the empty object; the library then reports what is missing.
            return json_encode($value === [] ? new \stdClass() : $value, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION | JSON_THROW_ON_ERROR);
        } catch (\JsonException $e) {
            throw new MalformedInputException(7003, ['result' => 7003, 'code' => 'INPUT_MALFORMED', 'line' => 0, 'column' => 0, 'path' => null, 'message' => 'the array cannot be encoded as JSON: ' . $e->getMessage()], $e);
        }
    }

    /** Throws the exception for a result other than BEIAN_OK, with the library's detail. */
    private static function ok(FFI $lib, int $result): void
    {
        if ($result === self::OK) {
            return;
        }
        $detail = ['result' => $result, 'code' => '', 'line' => 0, 'column' => 0, 'path' => null, 'message' => "beian_result $result"];
        $buf = $lib->new('beian_buf');
        if ($lib->beian_last_error_json(FFI::addr($buf)) === self::OK) {
            $detail = json_decode(self::take($lib, $buf), true, 16, JSON_THROW_ON_ERROR);
        }
        throw match ($result) {
            7002, 7003 => new MalformedInputException($result, $detail),
            7004 => new InvalidPackException($result, $detail),
            7005 => new InputTooLargeException($result, $detail),
            7009 => new InvalidArgumentException($result, $detail),
            default => new LibraryException($result, $detail),
        };
    }

    /** The FFI binding: the preloaded scope under php-fpm, else beiancheck.h loaded now. */
    private static function lib(): FFI
    {
        if (self::$ffi !== null) {
            return self::$ffi;
        }
        try {
            return self::$ffi = FFI::scope('beiancheck');
        } catch (FFI\Exception) {
            // Not preloaded with ffi.preload: the CLI, or a server with ffi.enable=1.
        }
        $header = dirname(__DIR__) . '/beiancheck.h';
        try {
            $ffi = FFI::load($header);
        } catch (FFI\Exception $e) {
            throw new LibraryException(0, ['result' => 0, 'code' => 'LIBRARY_NOT_LOADED', 'line' => 0, 'column' => 0, 'path' => $header, 'message' => $e->getMessage() . ' (is libbeiancheck.so where the dynamic linker looks: ldconfig, or LD_LIBRARY_PATH?)'], $e);
        }
        if ($ffi === null) {
            throw new LibraryException(0, ['result' => 0, 'code' => 'LIBRARY_NOT_LOADED', 'line' => 0, 'column' => 0, 'path' => $header, 'message' => "FFI::load($header) failed"]);
        }
        return self::$ffi = $ffi;
    }
}
