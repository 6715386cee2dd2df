package io.nioredis.command;

import java.util.List;

/**
 * One node of a command's argument structure, as COMMAND DOCS reports it and redis-cli reads it for its
 * hints: a named value of a type, a pure token, or a group (oneof, block) of further arguments.
 */
public final class Argument {
    public enum Type {
        STRING("string"), INTEGER("integer"), DOUBLE("double"), KEY("key"), PATTERN("pattern"),
        UNIX_TIME("unix-time"), PURE_TOKEN("pure-token"), ONEOF("oneof"), BLOCK("block");

        public final String docName;

        Type(String docName) {
            this.docName = docName;
        }
    }

    public final String name;
    public final Type type;
    /** The literal word that introduces the value (EX in {@code EX seconds}), or null. */
    public final String token;
    public final boolean optional;
    public final boolean multiple;
    /** The token repeats with each value ({@code GET pattern [GET pattern ...]}). */
    public final boolean multipleToken;
    /** For keys: the index of the key spec that finds them; otherwise -1. */
    public final int keySpecIndex;
    public final List<Argument> children;
    /** The version that added this argument, as COMMAND DOCS reports it, or null. */
    public final String since;

    Argument(String name, Type type, String token, boolean optional, boolean multiple, boolean multipleToken,
             int keySpecIndex, List<Argument> children) {
        this(name, type, token, optional, multiple, multipleToken, keySpecIndex, children, null);
    }

    Argument(String name, Type type, String token, boolean optional, boolean multiple, boolean multipleToken,
             int keySpecIndex, List<Argument> children, String since) {
        this.name = name;
        this.type = type;
        this.token = token;
        this.optional = optional;
        this.multiple = multiple;
        this.multipleToken = multipleToken;
        this.keySpecIndex = keySpecIndex;
        this.children = children;
        this.since = since;
    }

    Argument withKeySpec(int index) {
        return new Argument(name, type, token, optional, multiple, multipleToken, index, children, since);
    }

    Argument withChildren(List<Argument> newChildren) {
        return new Argument(name, type, token, optional, multiple, multipleToken, keySpecIndex, newChildren, since);
    }

    Argument withSince(String version) {
        return new Argument(name, type, token, optional, multiple, multipleToken, keySpecIndex, children, version);
    }
}
