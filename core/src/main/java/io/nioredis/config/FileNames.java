package io.nioredis.config;

/**
 * Redis's checks of the persistence file names: plain names inside {@code dir}, never paths. A class rather
 * than lambdas, as everything registered at start-up (see {@link Config}).
 */
final class FileNames implements Config.Validator {
    private final String setting;
    /** "filename" or "dirname", as Redis's message says. */
    private final String noun;
    private final boolean emptyAllowed;

    private FileNames(String setting, String noun, boolean emptyAllowed) {
        this.setting = setting;
        this.noun = noun;
        this.emptyAllowed = emptyAllowed;
    }

    static void register(Config config) {
        config.addValidator("dbfilename", new FileNames("dbfilename", "filename", true));
        config.addValidator("appendfilename", new FileNames("appendfilename", "filename", false));
        config.addValidator("appenddirname", new FileNames("appenddirname", "dirname", false));
    }

    @Override
    public String check(String value) {
        if (value.isEmpty() && !emptyAllowed) {
            return setting + " can't be empty";
        }
        return isBaseName(value) ? null : setting + " can't be a path, just a " + noun;
    }

    /** Redis's pathIsBaseName: no '/' and no '\'. */
    static boolean isBaseName(String path) {
        return path.indexOf('/') < 0 && path.indexOf('\\') < 0;
    }
}
