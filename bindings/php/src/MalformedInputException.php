<?php

declare(strict_types=1);

namespace Beiancheck;

/** The input is not valid JSON, not valid UTF-8, or not the JSON the call takes (BEIAN_MALFORMED_JSON, BEIAN_INVALID_UTF8). */
final class MalformedInputException extends BeiancheckException
{
}
