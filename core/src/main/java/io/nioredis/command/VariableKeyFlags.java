package io.nioredis.command;

import io.nioredis.resp.Request;
import java.util.List;

/**
 * The flags of a key whose spec says variable_flags: they depend on the other arguments (SET with or without
 * GET, BITFIELD reading or writing), so COMMAND GETKEYSANDFLAGS asks the command, as Redis asks its
 * getkeys_proc (setGetKeys, bitfieldGetKeys) instead of printing the spec's flags.
 */
@FunctionalInterface
public interface VariableKeyFlags {
    /** The key's flags for {@code request}, whose command name is argument {@code base}. */
    List<String> flags(Request request, int base);
}
