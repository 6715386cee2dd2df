package io.nioredis.config;

/** Redis's checks of the persistence file names: plain names inside {@code dir}, never paths. */
final class FileNames {
    private FileNames() {}

    static void register(Config config) {
        config.addValidator("dbfilename", v -> isBaseName(v) ? null : "dbfilename can't be a path, just a filename");
        config.addValidator("appendfilename", v -> v.isEmpty() ? "appendfilename can't be empty"
                : isBaseName(v) ? null : "appendfilename can't be a path, just a filename");
        config.addValidator("appenddirname", v -> v.isEmpty() ? "appenddirname can't be empty"
                : isBaseName(v) ? null : "appenddirname can't be a path, just a dirname");
    }

    /** Redis's pathIsBaseName: no '/' and no '\'. */
    static boolean isBaseName(String path) {
        return path.indexOf('/') < 0 && path.indexOf('\\') < 0;
    }
}
