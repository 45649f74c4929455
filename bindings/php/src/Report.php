<?php

declare(strict_types=1);

namespace Beiancheck;

/** The report on one application (see docs/INPUT.md and the README for its fields). */
final class Report extends Answer
{
    /** eligible, ineligible or needs_review */
    public readonly string $verdict;
    /** first_filing, access_filing … or null when the engine could not derive it */
    public readonly ?string $filingType;
    /** the evaluation date, YYYY-MM-DD */
    public readonly string $asOf;

    public function __construct(string $json)
    {
        parent::__construct($json);
        $d = $this->toArray();
        $this->verdict = $d['verdict'];
        $this->filingType = $d['filing_type'];
        $this->asOf = $d['as_of'];
    }

    public function isEligible(): bool
    {
        return $this->verdict === 'eligible';
    }

    /** @return list<array<string, mixed>> what must be prepared: code, name {zh, en}, reason, source … */
    public function materials(): array
    {
        return $this->toArray()['materials'];
    }

    /** @return list<array<string, mixed>> the steps of the process: step, status, blocked_by */
    public function steps(): array
    {
        return $this->toArray()['steps'];
    }
}
