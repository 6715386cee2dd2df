package io.nioredis.scripting;

import java.util.List;

/**
 * A reply value crossing the boundary between scripts and commands: what {@link ScriptHost#call} answers
 * and what a script returns. The command layer writes it in the caller's protocol (a {@link Bool} becomes
 * :1/:0 and a {@link Null} $-1 for a RESP2 caller, as Redis's addReplyBool and shared.null do).
 * Error and status texts carry no leading '-' or '+'; an error text starts with its code ("ERR ...").
 */
public sealed interface ScriptReply {

    record Status(String text) implements ScriptReply {}

    record Error(String text) implements ScriptReply {}

    record Int(long value) implements ScriptReply {}

    record Bulk(byte[] value) implements ScriptReply {}

    /** RESP2's null bulk and null array, RESP3's null. */
    record Null() implements ScriptReply {}

    record Array(List<ScriptReply> items) implements ScriptReply {}

    /** RESP3 map: keys and values alternate. */
    record MapReply(List<ScriptReply> keysAndValues) implements ScriptReply {}

    record SetReply(List<ScriptReply> items) implements ScriptReply {}

    record Double(double value) implements ScriptReply {}

    record BigNumber(String digits) implements ScriptReply {}

    record Bool(boolean value) implements ScriptReply {}

    record Verbatim(String format, byte[] text) implements ScriptReply {}

    Null NULL = new Null();
    Status OK = new Status("OK");
}
