<?php

// opcache.preload script: compiles the Beiancheck classes into opcache at server start, so
// that under ffi.enable=preload (PHP's default) they may use FFI. The header itself is loaded
// by the ffi.preload line (PHP 8.2 refuses FFI::load() in a preload script when
// opcache.preload_user is set, as it must be for a php-fpm master running as root).
// The php.ini lines are in the README and in beiancheck.ini.
declare(strict_types=1);

foreach ([
    'BeiancheckException', 'MalformedInputException', 'InputTooLargeException', 'InvalidPackException',
    'EngineClosedException', 'LibraryException', 'InvalidArgumentException', 'Answer', 'IdResult', 'Report', 'DomainReport', 'MaterialsReport', 'Engine',
] as $class) {
    require_once __DIR__ . "/src/$class.php";
}
