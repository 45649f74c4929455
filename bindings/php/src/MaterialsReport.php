<?php

declare(strict_types=1);

namespace Beiancheck;

/** What must be prepared for a province, subject kind and case. */
final class MaterialsReport extends Answer
{
    /** @return list<array<string, mixed>> code, name {zh, en}, reason {zh, en}, source … */
    public function materials(): array
    {
        return $this->toArray()['materials'];
    }
}
