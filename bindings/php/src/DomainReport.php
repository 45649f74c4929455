<?php

declare(strict_types=1);

namespace Beiancheck;

/** Can this domain be filed: the name rules' answer. */
final class DomainReport extends Answer
{
    /** eligible, ineligible or needs_review */
    public readonly string $verdict;
    /** the name in ASCII (punycode), or null when it is not a domain name */
    public readonly ?string $ascii;
    /** the name in Unicode, or null */
    public readonly ?string $unicode;

    public function __construct(string $json)
    {
        parent::__construct($json);
        $d = $this->toArray();
        $this->verdict = $d['verdict'];
        $this->ascii = $d['ascii'];
        $this->unicode = $d['unicode'];
    }

    public function isEligible(): bool
    {
        return $this->verdict === 'eligible';
    }
}
