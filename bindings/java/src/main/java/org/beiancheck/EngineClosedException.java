package org.beiancheck;

/**
 * The engine was closed: no call reaches the library after {@link Engine#close()}. Its result
 * is 7001 (BEIAN_NULL_PARAMETER, what the library says of a missing engine), its code
 * ENGINE_CLOSED.
 */
public final class EngineClosedException extends BeiancheckException {
    private static final long serialVersionUID = 1L;

    EngineClosedException() {
        super(7001, "ENGINE_CLOSED", 0, 0, "engine", "the engine was closed",
                "{\"result\":7001,\"code\":\"ENGINE_CLOSED\",\"line\":0,\"column\":0,\"path\":\"engine\",\"message\":\"the engine was closed\"}");
    }
}
