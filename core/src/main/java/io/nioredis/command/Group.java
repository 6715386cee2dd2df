package io.nioredis.command;

/**
 * Redis's command groups, as COMMAND DOCS names them; each command package is one group. A group may imply
 * an ACL category (the data types, keyspace, connection...).
 */
public enum Group {
    GENERIC("generic", AclCategory.KEYSPACE),
    STRING("string", AclCategory.STRING),
    LIST("list", AclCategory.LIST),
    SET("set", AclCategory.SET),
    SORTED_SET("sorted-set", AclCategory.SORTEDSET),
    HASH("hash", AclCategory.HASH),
    // No category of its own: @pubsub comes with the pubsub flag, as in Redis, so the PUBSUB container and its
    // HELP, which lack the flag, are @slow only.
    PUBSUB("pubsub", null),
    TRANSACTIONS("transactions", AclCategory.TRANSACTION),
    CONNECTION("connection", AclCategory.CONNECTION),
    SERVER("server", null),
    SCRIPTING("scripting", AclCategory.SCRIPTING),
    HYPERLOGLOG("hyperloglog", AclCategory.HYPERLOGLOG),
    CLUSTER("cluster", null),
    SENTINEL("sentinel", null),
    GEO("geo", AclCategory.GEO),
    STREAM("stream", AclCategory.STREAM),
    BITMAP("bitmap", AclCategory.BITMAP);

    public final String docName;
    final AclCategory category;

    Group(String docName, AclCategory category) {
        this.docName = docName;
        this.category = category;
    }

    /** Starts the declaration of a command of this group. */
    public CommandSpec.Builder command(String name, int arity, long flags) {
        return new CommandSpec.Builder(this, name, arity, flags);
    }
}
