package org.beiancheck;

import java.util.Map;

/**
 * A call the library refused: the input is not an application at all (malformed JSON, over a
 * limit), a rule pack failed validation, or the engine is closed. Everything else about an
 * application is a finding in its report, never an exception.
 */
public class BeiancheckException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int result;
    private final String code;
    private final int line;
    private final int column;
    private final String path;
    private final String detailJson;

    BeiancheckException(int result, String code, int line, int column, String path, String message, String detailJson) {
        super(code + where(line, column, path) + ": " + message);
        this.result = result;
        this.code = code;
        this.line = line;
        this.column = column;
        this.path = path;
        this.detailJson = detailJson;
    }

    private static String where(int line, int column, String path) {
        if (line > 0) {
            return " at line " + line + ", column " + column;
        }
        return path != null ? " at " + path : "";
    }

    /** The library's beian_result: 7003 BEIAN_MALFORMED_JSON, 7005 BEIAN_INPUT_TOO_LARGE … */
    public int result() {
        return result;
    }

    /** The core's error code: INPUT_MALFORMED, INPUT_LIMIT_EXCEEDED, PACK_INVALID, ENGINE_CLOSED … */
    public String code() {
        return code;
    }

    /** 1-based line of the problem in the input, 0 when not applicable. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem in the input, 0 when not applicable. */
    public int column() {
        return column;
    }

    /** The field or argument the problem is in, or null. */
    public String path() {
        return path;
    }

    /** The library's error detail as it wrote it (beian_last_error_json). */
    public String detailJson() {
        return detailJson;
    }

    /** The exception for a failed call, from the library's detail. */
    static BeiancheckException of(int result, String detailJson) {
        Map<String, Object> d = detailJson == null ? null : Json.object(detailJson);
        String code = d == null ? "UNKNOWN" : String.valueOf(d.get("code"));
        int line = d == null ? 0 : ((Number) d.get("line")).intValue();
        int column = d == null ? 0 : ((Number) d.get("column")).intValue();
        String path = d == null ? null : (String) d.get("path");
        String message = d == null ? "beian_result " + result : String.valueOf(d.get("message"));
        switch (result) {
            case 7002:
            case 7003:
                return new MalformedInputException(result, code, line, column, path, message, detailJson);
            case 7004:
                return new InvalidPackException(result, code, line, column, path, message, detailJson);
            case 7005:
                return new InputTooLargeException(result, code, line, column, path, message, detailJson);
            case 7009:
                return new InvalidArgumentException(result, code, line, column, path, message, detailJson);
            default:
                return new BeiancheckException(result, code, line, column, path, message, detailJson);
        }
    }
}
