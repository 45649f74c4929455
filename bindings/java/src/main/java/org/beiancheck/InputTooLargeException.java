package org.beiancheck;

/** The input is over a limit: its size, nesting or number of websites (7005 BEIAN_INPUT_TOO_LARGE). */
public final class InputTooLargeException extends BeiancheckException {
    private static final long serialVersionUID = 1L;

    InputTooLargeException(int result, String code, int line, int column, String path, String message, String detailJson) {
        super(result, code, line, column, path, message, detailJson);
    }
}
