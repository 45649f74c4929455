<?php

declare(strict_types=1);

namespace Beiancheck;

/** A rule pack failed validation (BEIAN_INVALID_PACK); the detail names where. */
final class InvalidPackException extends BeiancheckException
{
}
