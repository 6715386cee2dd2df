package io.nioredis.command.acl;

import static io.nioredis.command.CommandHarness.OK;
import static io.nioredis.command.CommandHarness.bulk;
import static io.nioredis.command.CommandHarness.error;
import static io.nioredis.command.CommandHarness.integer;
import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import org.junit.jupiter.api.Test;

/** ACL for the default user; expected bytes are Redis 7.0.15's for the same commands. */
class AclCommandsTest {
    /** SHA-256 of "secret", as Redis shows requirepass secret. */
    private static final String SECRET_HASH = "2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b";

    private final CommandHarness h = new CommandHarness();

    @Test
    void theDefaultUserAsRedisDescribesIt() {
        assertThat(h.run("ACL", "WHOAMI")).isEqualTo(bulk("default"));
        assertThat(h.run("ACL", "USERS")).isEqualTo("*1\r\n" + bulk("default"));
        assertThat(h.run("ACL", "LIST")).isEqualTo("*1\r\n" + bulk("user default on nopass ~* &* +@all"));
        assertThat(h.run("ACL", "GETUSER", "default")).isEqualTo("*12\r\n$5\r\nflags\r\n*2\r\n$2\r\non\r\n"
                + "$6\r\nnopass\r\n$9\r\npasswords\r\n*0\r\n$8\r\ncommands\r\n$5\r\n+@all\r\n$4\r\nkeys\r\n$2\r\n~*\r\n"
                + "$8\r\nchannels\r\n$2\r\n&*\r\n$9\r\nselectors\r\n*0\r\n");
        assertThat(h.run("ACL", "GETUSER", "nobody")).isEqualTo("$-1\r\n");
        h.run("CONFIG", "SET", "requirepass", "secret");
        h.run("AUTH", "secret");
        assertThat(h.run("ACL", "LIST")).isEqualTo("*1\r\n" + bulk("user default on #" + SECRET_HASH + " ~* &* +@all"));
        assertThat(h.run("ACL", "GETUSER", "default")).isEqualTo("*12\r\n$5\r\nflags\r\n*1\r\n$2\r\non\r\n"
                + "$9\r\npasswords\r\n*1\r\n" + bulk(SECRET_HASH) + "$8\r\ncommands\r\n$5\r\n+@all\r\n$4\r\nkeys\r\n"
                + "$2\r\n~*\r\n$8\r\nchannels\r\n$2\r\n&*\r\n$9\r\nselectors\r\n*0\r\n");
        h.run("HELLO", "3");
        assertThat(h.run("ACL", "GETUSER", "default")).startsWith("%6\r\n$5\r\nflags\r\n~1\r\n");
        assertThat(h.run("ACL", "GETUSER", "nobody")).isEqualTo("_\r\n");
    }

    @Test
    void categoriesAndTheCommandsInThem() {
        assertThat(h.run("ACL", "CAT")).startsWith("*21\r\n$8\r\nkeyspace\r\n$4\r\nread\r\n$5\r\nwrite\r\n")
                .endsWith("$11\r\ntransaction\r\n$9\r\nscripting\r\n");
        assertThat(h.run("ACL", "CAT", "nosuch")).isEqualTo(error("ERR Unknown category 'nosuch'"));
        assertThat(h.run("ACL", "CAT", "@string")).isEqualTo(error("ERR Unknown category '@string'"));
        assertThat(h.run("ACL", "CAT", "String")).contains(bulk("getrange")).contains(bulk("setex"))
                .doesNotContain(bulk("lpush"));
        assertThat(h.run("ACL", "CAT", "dangerous")).contains(bulk("acl|deluser")).contains(bulk("flushall"))
                .doesNotContain(bulk("acl|whoami"));
        assertThat(h.run("ACL", "CAT", "a", "b")).isEqualTo(error(
                "ERR unknown subcommand or wrong number of arguments for 'CAT'. Try ACL HELP."));
    }

    @Test
    void genpassGivesHexOfTheBitsAskedFor() {
        assertThat(h.run("ACL", "GENPASS")).matches("\\$64\r\n[0-9a-f]{64}\r\n");
        assertThat(h.run("ACL", "GENPASS", "5")).matches("\\$2\r\n[0-9a-f]{2}\r\n");
        assertThat(h.run("ACL", "GENPASS")).isNotEqualTo(h.run("ACL", "GENPASS"));
        String tooMany = "ERR ACL GENPASS argument must be the number of bits for the output password, a positive "
                + "number up to 4096";
        assertThat(h.run("ACL", "GENPASS", "0")).isEqualTo(error(tooMany));
        assertThat(h.run("ACL", "GENPASS", "4097")).isEqualTo(error(tooMany));
        assertThat(h.run("ACL", "GENPASS", "abc")).isEqualTo(error("ERR value is not an integer or out of range"));
    }

    @Test
    void dryrunChecksTheUserTheCommandAndItsArity() {
        assertThat(h.run("ACL", "DRYRUN", "default", "get", "k")).isEqualTo(OK);
        assertThat(h.run("ACL", "DRYRUN", "default", "config", "get", "x")).isEqualTo(OK);
        assertThat(h.run("ACL", "DRYRUN", "default", "nosuch")).isEqualTo(error("ERR Command 'nosuch' not found"));
        assertThat(h.run("ACL", "DRYRUN", "default", "config", "nosuch"))
                .isEqualTo(error("ERR Command 'config' not found"));
        assertThat(h.run("ACL", "DRYRUN", "default", "config"))
                .isEqualTo(error("ERR wrong number of arguments for 'config' command"));
        assertThat(h.run("ACL", "DRYRUN", "default", "set"))
                .isEqualTo(error("ERR wrong number of arguments for 'set' command"));
        assertThat(h.run("ACL", "DRYRUN", "nobody", "get", "k")).isEqualTo(error("ERR User 'nobody' not found"));
    }

    @Test
    void usersCannotBeMadeRemovedOrLoaded() {
        assertThat(h.run("ACL", "DELUSER", "nobody")).isEqualTo(integer(0));
        assertThat(h.run("ACL", "DELUSER", "nobody", "default"))
                .isEqualTo(error("ERR The 'default' user cannot be removed"));
        assertThat(h.run("ACL", "LOAD")).isEqualTo(error(AclCommands.NO_ACL_FILE));
        assertThat(h.run("ACL", "SAVE")).isEqualTo(error(AclCommands.NO_ACL_FILE));
        assertThat(h.run("ACL", "SETUSER", "alice", "on")).startsWith("-ERR ACL SETUSER is not supported");
        assertThat(h.run("ACL", "WHOAMI", "x")).isEqualTo(error("ERR wrong number of arguments for 'acl|whoami' command"));
        assertThat(h.run("ACL", "FOO")).isEqualTo(error("ERR unknown subcommand 'FOO'. Try ACL HELP."));
    }

    @Test
    void failedAuthenticationsAreLoggedGroupedByUserForAMinute() {
        h.run("CONFIG", "SET", "requirepass", "secret");
        assertThat(h.run("AUTH", "wrong")).startsWith("-WRONGPASS");
        h.clock.advance(100);
        h.run("AUTH", "default", "wrong2");
        h.clock.advance(100);
        h.run("AUTH", "bob", "x");
        h.run("HELLO", "2", "AUTH", "carol", "x");
        h.run("AUTH", "secret");
        h.clock.advance(500);
        String log = h.run("ACL", "LOG");
        assertThat(log).startsWith("*3\r\n*14\r\n$5\r\ncount\r\n:1\r\n$6\r\nreason\r\n$4\r\nauth\r\n$7\r\ncontext\r\n"
                + "$8\r\ntoplevel\r\n$6\r\nobject\r\n$4\r\nAUTH\r\n$8\r\nusername\r\n$5\r\ncarol\r\n"
                + "$11\r\nage-seconds\r\n$3\r\n0.5\r\n$11\r\nclient-info\r\n");
        assertThat(log).contains("$8\r\nusername\r\n$3\r\nbob\r\n")
                .contains(":2\r\n$6\r\nreason\r\n$4\r\nauth\r\n$7\r\ncontext\r\n$8\r\ntoplevel\r\n$6\r\nobject\r\n"
                        + "$4\r\nAUTH\r\n$8\r\nusername\r\n$7\r\ndefault\r\n$11\r\nage-seconds\r\n"
                        + "$19\r\n0.59999999999999998\r\n") // its second denial's age, as Redis's %.17g writes 0.6
                .contains("cmd=hello user=default").contains("cmd=auth user=default");
        assertThat(h.run("ACL", "LOG", "1")).startsWith("*1\r\n").contains("carol").doesNotContain("bob");
        assertThat(h.run("ACL", "LOG", "-1")).isEqualTo("*0\r\n");

        h.clock.advance(61_000); // past the grouping window: a new entry, not a count of 3
        h.run("AUTH", "wrong");
        assertThat(h.run("ACL", "LOG", "1")).contains(":1\r\n$6\r\nreason").contains("default");
        h.run("MULTI");
        h.run("AUTH", "wrong");
        h.run("EXEC");
        // As Redis: inside EXEC the client is still in MULTI, with its queue, and its last command is EXEC.
        assertThat(h.run("ACL", "LOG", "1")).contains("$7\r\ncontext\r\n$5\r\nmulti\r\n")
                .contains(" flags=x ").contains(" multi=1 ").contains(" multi-mem=25 ").contains(" cmd=exec "); // 9 + 2 * 8

        h.run("CONFIG", "SET", "acllog-max-len", "2");
        h.run("AUTH", "dave", "x");
        assertThat(h.run("ACL", "LOG")).startsWith("*2\r\n").contains("dave");
        assertThat(h.run("ACL", "LOG", "RESET")).isEqualTo(OK);
        assertThat(h.run("ACL", "LOG")).isEqualTo("*0\r\n");
    }
}
