package io.nioredis.command.acl;

import io.nioredis.Authenticator;
import io.nioredis.resp.RespWriter;

/**
 * The one user there is, as Redis 7.0 describes its default user: on, every command, key and channel, and
 * either no password ("nopass") or requirepass's SHA-256.
 */
final class DefaultUser {
    static final String NAME = "default";

    private DefaultUser() {}

    /** ACL LIST's line: {@code user default on nopass ~* &* +@all}, or {@code #<sha256>} for nopass. */
    static String describe(Authenticator auth) {
        String hash = auth.passwordHashHex();
        return "user default on " + (hash == null ? "nopass" : "#" + hash) + " ~* &* +@all";
    }

    /** ACL GETUSER: the user's details, or a null for any other name. */
    static void getuser(Authenticator auth, String name, RespWriter out) {
        if (!name.equals(NAME)) {
            out.nullValue();
            return;
        }
        String hash = auth.passwordHashHex();
        out.mapHeader(6);
        out.bulk("flags");
        out.setHeader(hash == null ? 2 : 1);
        out.bulk("on");
        if (hash == null) {
            out.bulk("nopass");
        }
        out.bulk("passwords");
        out.arrayHeader(hash == null ? 0 : 1);
        if (hash != null) {
            out.bulk(hash);
        }
        out.bulk("commands");
        out.bulk("+@all");
        out.bulk("keys");
        out.bulk("~*");
        out.bulk("channels");
        out.bulk("&*");
        out.bulk("selectors");
        out.arrayHeader(0);
    }
}
