package io.nioredis.command.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Why a Redis module cannot be loaded, for MODULE LOAD, MODULE LOADEX and the {@code loadmodule} directive.
 * Modules are shared libraries written against redis-server's C API, so nioredis loads none. The reason is
 * worded as Redis's moduleLoad logs it where Redis would fail too (no such file, no execute permission,
 * as dlopen and its permission check say), and says what nioredis lacks otherwise.
 */
public final class ModuleLoading {
    static final String NOT_LOADABLE = "nioredis cannot load Redis modules, which are native libraries built for"
            + " redis-server's module API";

    private ModuleLoading() {}

    /** The line Redis logs at warning level when a module fails to load. */
    public static String failureLogLine(String path) {
        return "Module " + path + " failed to load: " + reason(path);
    }

    static String reason(String path) {
        Path file = Path.of(path);
        if (!Files.exists(file)) {
            return path + ": cannot open shared object file: No such file or directory";
        }
        try {
            Set<PosixFilePermission> modes = Files.getPosixFilePermissions(file);
            if (!modes.contains(PosixFilePermission.OWNER_EXECUTE) && !modes.contains(PosixFilePermission.GROUP_EXECUTE)
                    && !modes.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                return "It does not have execute permissions.";
            }
        } catch (java.io.IOException | UnsupportedOperationException e) {
            // As Redis's stat check, best effort: without the modes, the load itself says no.
        }
        return NOT_LOADABLE;
    }
}
