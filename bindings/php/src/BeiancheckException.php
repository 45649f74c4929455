<?php

declare(strict_types=1);

namespace Beiancheck;

/**
 * A call the library refused: the input is not an application at all (malformed JSON, over a
 * limit), a rule pack failed validation, or the engine is closed. Everything else about an
 * application is a finding in its Report, never an exception.
 *
 * getResult() is the library's beian_result (7001…); getErrorCode() the code the core gave
 * (INPUT_MALFORMED, INPUT_LIMIT_EXCEEDED, PACK_INVALID …); the detail is the library's
 * beian_last_error_json, as an array.
 */
class BeiancheckException extends \RuntimeException
{
    /** @param array<string, mixed> $detail */
    public function __construct(private readonly int $result, private readonly array $detail, ?\Throwable $previous = null)
    {
        $where = '';
        if (($detail['line'] ?? 0) > 0) {
            $where = " at line {$detail['line']}, column {$detail['column']}";
        } elseif (isset($detail['path'])) {
            $where = " at {$detail['path']}";
        }
        $code = $detail['code'] ?? 'UNKNOWN';
        parent::__construct("$code$where: " . ($detail['message'] ?? "beian_result $result"), $result, $previous);
    }

    /** The library's result code (BEIAN_MALFORMED_JSON = 7003 …); also getCode(). */
    public function getResult(): int
    {
        return $this->result;
    }

    /** The core's error code: INPUT_MALFORMED, INPUT_LIMIT_EXCEEDED, PACK_INVALID, ENGINE_CLOSED … */
    public function getErrorCode(): string
    {
        return (string) ($this->detail['code'] ?? '');
    }

    /** 1-based line of the problem in the input (0 when not applicable). */
    public function getInputLine(): int
    {
        return (int) ($this->detail['line'] ?? 0);
    }

    /** 1-based column of the problem in the input (0 when not applicable). */
    public function getInputColumn(): int
    {
        return (int) ($this->detail['column'] ?? 0);
    }

    /** The field or argument path, when the problem has one. */
    public function getPath(): ?string
    {
        return $this->detail['path'] ?? null;
    }

    /** @return array<string, mixed> the library's error detail (result, code, line, column, path, message) */
    public function getDetail(): array
    {
        return $this->detail;
    }
}
