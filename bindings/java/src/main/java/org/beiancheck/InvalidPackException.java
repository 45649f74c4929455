package org.beiancheck;

/** A rule pack failed validation (7004 BEIAN_INVALID_PACK); path() names where. */
public final class InvalidPackException extends BeiancheckException {
    private static final long serialVersionUID = 1L;

    InvalidPackException(int result, String code, int line, int column, String path, String message, String detailJson) {
        super(result, code, line, column, path, message, detailJson);
    }
}
