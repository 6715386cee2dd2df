package io.nioredis.scripting;

/** A script or library refused before it runs; the message is the error reply text ("ERR ..."). */
public final class ScriptException extends RuntimeException {

    public ScriptException(String errorText) {
        super(errorText, null, false, false);
    }

    public String errorText() {
        return getMessage();
    }
}
