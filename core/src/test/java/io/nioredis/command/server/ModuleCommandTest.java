package io.nioredis.command.server;

import static io.nioredis.command.CommandHarness.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MODULE against the replies and log lines of Redis 7.0.15 for the same commands, with no module loaded. */
class ModuleCommandTest {
    private static final String LOAD_FAILED = error("ERR Error loading the extension. Please check the server logs.");

    private final CommandHarness h = new CommandHarness();
    private final List<String> logged = new ArrayList<>();

    ModuleCommandTest() {
        h.state.log = (level, message) -> logged.add(level + " " + message);
    }

    @Test
    void listAndHelpAnswerWhileLoadingIsProtected() {
        assertThat(h.run("MODULE", "LIST")).isEqualTo("*0\r\n");
        assertThat(h.run("MODULE", "HELP")).startsWith("*11\r\n+MODULE <subcommand> [<arg> [value] [opt] ...]. "
                + "Subcommands are:\r\n+LIST\r\n+    Return a list of loaded modules.\r\n").endsWith("+HELP\r\n"
                + "+    Prints this help.\r\n");
        String refused = error("ERR MODULE command not allowed. If the enable-module-command option is set to "
                + "\"local\", you can run it from a local connection, otherwise you need to set this option in the "
                + "configuration file, and then restart the server.");
        assertThat(h.run("MODULE", "LOAD", "/nonexist.so")).isEqualTo(refused);
        assertThat(h.run("MODULE", "LOADEX", "/nonexist.so")).isEqualTo(refused);
        assertThat(h.run("MODULE", "UNLOAD", "foo")).isEqualTo(refused);
        assertThat(logged).isEmpty();
    }

    @Test
    void argumentCountsAndUnknownSubcommandsAsRedis() {
        assertThat(h.run("MODULE")).isEqualTo(error("ERR wrong number of arguments for 'module' command"));
        assertThat(h.run("MODULE", "LIST", "x")).isEqualTo(error("ERR wrong number of arguments for 'module|list' command"));
        assertThat(h.run("MODULE", "FOO")).isEqualTo(error("ERR unknown subcommand 'FOO'. Try MODULE HELP."));
    }

    @Test
    void loadingFailsWithRedisReplyAndLogsWhy(@TempDir Path dir) throws IOException {
        h.state.config.set("enable-module-command", "yes"); // as at startup: the parameter is immutable
        Path notExecutable = Files.writeString(dir.resolve("plain.so"), "x");
        Path executable = Files.writeString(dir.resolve("native.so"), "x");
        Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(h.run("MODULE", "LOAD", "/nonexist.so", "a")).isEqualTo(LOAD_FAILED);
        assertThat(h.run("MODULE", "LOAD", notExecutable.toString())).isEqualTo(LOAD_FAILED);
        assertThat(h.run("MODULE", "LOADEX", executable.toString(), "CONFIG", "a", "b", "ARGS", "x"))
                .isEqualTo(LOAD_FAILED);
        assertThat(h.run("MODULE", "LOADEX", "/x.so", "CONFIG", "a")).isEqualTo(LOAD_FAILED);
        assertThat(h.run("MODULE", "LOADEX", "/x.so", "NOPE")).isEqualTo(LOAD_FAILED);
        assertThat(h.run("MODULE", "UNLOAD", "foo"))
                .isEqualTo(error("ERR Error unloading module: no such module with that name"));
        assertThat(h.run("MODULE", "LIST")).isEqualTo("*0\r\n");
        assertThat(logged).containsExactly(
                "3 Module /nonexist.so failed to load: /nonexist.so: cannot open shared object file: No such file or "
                        + "directory",
                "3 Module " + notExecutable + " failed to load: It does not have execute permissions.",
                "3 Module " + executable + " failed to load: " + ModuleLoading.NOT_LOADABLE,
                "2 CONFIG specified without name value pair",
                "2 Syntax Error from arguments to loadex around NOPE.");
    }

    @Test
    void loadexDocumentsItsRepeatedConfigBlockAsRedis() {
        assertThat(h.run("COMMAND", "DOCS", "module|loadex")).contains("$7\r\nconfigs\r\n$4\r\ntype\r\n$5\r\nblock"
                + "\r\n$5\r\ntoken\r\n$6\r\nCONFIG\r\n$5\r\nflags\r\n*3\r\n+optional\r\n+multiple\r\n+multiple_token\r\n");
    }
}
