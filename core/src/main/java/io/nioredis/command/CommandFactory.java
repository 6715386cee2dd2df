package io.nioredis.command;

/**
 * Makes the implementation of a command from its full name ({@code get}, {@code config|get}), at the
 * command's first dispatch. A family declares its commands with one factory, a switch over the names it
 * declares, rather than a lambda per command: each lambda is linked when the table is built, and ~300 of
 * them took ~130 ms of a 350 ms start-up, even with their classes in the class-data archive. A switch links
 * nothing, and the command classes it names load when their case first runs.
 */
@FunctionalInterface
public interface CommandFactory {
    Command make(String fullName);
}
