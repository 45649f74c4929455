<?php

declare(strict_types=1);

namespace Beiancheck;

/**
 * What the library answered: its JSON exactly as it came (->json, byte for byte the core's) and
 * the same decoded into arrays (toArray()). The typed properties of the subclasses are read
 * from that array; nothing is recomputed here.
 */
abstract class Answer implements \JsonSerializable, \Stringable
{
    /** @var array<string, mixed> */
    private readonly array $data;

    public function __construct(public readonly string $json)
    {
        $this->data = json_decode($json, true, 512, JSON_THROW_ON_ERROR);
    }

    /** @return array<string, mixed> */
    public function toArray(): array
    {
        return $this->data;
    }

    /** @return list<array<string, mixed>> each finding: code, severity, path, message {zh, en}, context, source */
    public function findings(): array
    {
        return $this->data['findings'];
    }

    /** @return list<string> the finding codes, in the report's order */
    public function codes(): array
    {
        return array_map(static fn (array $f): string => $f['code'], $this->data['findings']);
    }

    /** @return array{version: string, sha256: string} the rule pack that answered */
    public function rules(): array
    {
        return $this->data['rules'];
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
