<?php

declare(strict_types=1);

namespace Beiancheck;

/** The engine was closed with close(); no call reaches the library after that. */
final class EngineClosedException extends BeiancheckException
{
}
