<?php

declare(strict_types=1);

namespace Beiancheck;

/**
 * An argument the library does not accept (BEIAN_INVALID_ARGUMENT, 7009): an unknown
 * identity-number kind, a bad `as_of` date. getPath() names the argument (kind, as_of).
 */
final class InvalidArgumentException extends BeiancheckException
{
}
