<?php

declare(strict_types=1);

namespace Beiancheck;

/**
 * One identity number's answer: the library's JSON exactly as it came (->json, the same as
 * beian_check_id and `beiancheck id --json`) and decoded (toArray()). An invalid number is an
 * answer: valid false, with its reason (CHECK_DIGIT, LENGTH …) and messages.
 */
final class IdResult implements \JsonSerializable, \Stringable
{
    /** resident_id, credit_code, mobile … */
    public readonly string $kind;
    public readonly bool $valid;
    /** why not valid (CHECK_DIGIT, LENGTH …), or null */
    public readonly ?string $reason;
    /** @var array<string, mixed> */
    private readonly array $data;

    public function __construct(public readonly string $json)
    {
        $this->data = json_decode($json, true, 16, JSON_THROW_ON_ERROR);
        $this->kind = $this->data['kind'];
        $this->valid = $this->data['valid'];
        $this->reason = $this->data['reason'];
    }

    /** @return array<string, mixed> kind, valid, reason, position, expected, message_en, message_zh, normalised, birth_date, sex, age, … */
    public function toArray(): array
    {
        return $this->data;
    }

    public function __toString(): string
    {
        return $this->json;
    }

    public function jsonSerialize(): mixed
    {
        return $this->data;
    }
}
