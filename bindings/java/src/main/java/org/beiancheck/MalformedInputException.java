package org.beiancheck;

/** The input is not valid JSON, not valid UTF-8, or not the JSON the call takes (7003 BEIAN_MALFORMED_JSON, 7002 BEIAN_INVALID_UTF8). */
public final class MalformedInputException extends BeiancheckException {
    private static final long serialVersionUID = 1L;

    MalformedInputException(int result, String code, int line, int column, String path, String message, String detailJson) {
        super(result, code, line, column, path, message, detailJson);
    }
}
