package org.beiancheck;

/**
 * An argument the library does not accept (7009 BEIAN_INVALID_ARGUMENT): an unknown
 * identity-number kind, a bad {@code asOf} date. {@link #path()} names the argument.
 */
public final class InvalidArgumentException extends BeiancheckException {
    private static final long serialVersionUID = 1L;

    InvalidArgumentException(int result, String code, int line, int column, String path, String message, String detailJson) {
        super(result, code, line, column, path, message, detailJson);
    }
}
