<?php

declare(strict_types=1);

namespace Beiancheck;

/** The input is over a limit: its size, nesting or number of websites (BEIAN_INPUT_TOO_LARGE). */
final class InputTooLargeException extends BeiancheckException
{
}
