<?php

declare(strict_types=1);

namespace Beiancheck;

/** The library could not be loaded, or failed internally (BEIAN_PANIC, an unknown result). */
final class LibraryException extends BeiancheckException
{
}
