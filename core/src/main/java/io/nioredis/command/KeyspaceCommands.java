package io.nioredis.command;

import static io.nioredis.command.BuiltinCommands.row;

import java.util.List;

/** Keyspace commands beyond the basics (Redis's db.c): renaming, copying, sampling and iterating keys. */
final class KeyspaceCommands {
    private KeyspaceCommands() {}

    static void register(List<CommandSpec> rows) {
        rows.add(row("rename", 3, "write", 1, 2, 1, "generic", "1.0.0", "Rename a key",
                new RenameCommand(false)));
        rows.add(row("renamenx", 3, "write fast", 1, 2, 1, "generic", "1.0.0",
                "Rename a key, only if the new key does not exist", new RenameCommand(true)));
        rows.add(row("randomkey", 1, "readonly", 0, 0, 0, "generic", "1.0.0",
                "Return a random key from the keyspace", new RandomkeyCommand()));
        rows.add(row("scan", -2, "readonly", 0, 0, 0, "generic", "2.8.0", "Incrementally iterate the keys space",
                new ScanCommand()));
        // UNLINK frees memory in the background in Redis; here freeing is the garbage collector's job, so
        // it is DEL under another name (it notifies "del" in Redis too).
        rows.add(row("unlink", -2, "write fast", 1, -1, 1, "generic", "4.0.0",
                "Delete a key asynchronously in another thread. Otherwise it is just as DEL, but non blocking.",
                new DelCommand()));
        rows.add(row("copy", -3, "write denyoom", 1, 2, 1, "generic", "6.2.0", "Copy a key", new CopyCommand()));
        // TOUCH only updates the access time Redis keeps for eviction, which nioredis does not track, so it
        // counts the existing keys exactly as EXISTS does.
        rows.add(row("touch", -2, "readonly fast", 1, -1, 1, "generic", "3.2.1",
                "Alters the last access time of a key(s). Returns the number of existing keys specified.",
                new ExistsCommand()));
    }
}
