package io.nioredis.scripting;

import java.util.EnumSet;
import java.util.Set;

/** The flags of a "#!lua flags=..." script or of a registered function, by their Redis names. */
public enum ScriptFlag {
    NO_WRITES("no-writes"),
    ALLOW_OOM("allow-oom"),
    ALLOW_STALE("allow-stale"),
    NO_CLUSTER("no-cluster"),
    ALLOW_CROSS_SLOT_KEYS("allow-cross-slot-keys");

    private final String redisName;

    ScriptFlag(String redisName) {
        this.redisName = redisName;
    }

    public String redisName() {
        return redisName;
    }

    static ScriptFlag byName(String name) {
        for (ScriptFlag flag : values()) {
            if (flag.redisName.equals(name)) {
                return flag;
            }
        }
        return null;
    }

    static Set<ScriptFlag> none() {
        return EnumSet.noneOf(ScriptFlag.class);
    }
}
