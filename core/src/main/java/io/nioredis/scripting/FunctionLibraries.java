package io.nioredis.scripting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The libraries FUNCTION LOAD and RESTORE made (Redis's functionsLibCtx): libraries by their exact name,
 * functions by name in any case, as FCALL finds them. Every change is all or nothing: a collision leaves
 * the libraries as they were, with Redis's error text in a {@link ScriptException}.
 */
public final class FunctionLibraries {

    private final Map<String, FunctionLibrary> libraries = new LinkedHashMap<>();
    private final Map<String, RegisteredFunction> functions = new HashMap<>();

    public FunctionLibrary library(String name) {
        return libraries.get(name);
    }

    /** The function FCALL names, in any case, or null. */
    public RegisteredFunction function(String name) {
        return functions.get(name.toLowerCase(Locale.ROOT));
    }

    public Collection<FunctionLibrary> libraries() {
        return libraries.values();
    }

    public int libraryCount() {
        return libraries.size();
    }

    public int functionCount() {
        return functions.size();
    }

    /**
     * FUNCTION LOAD's link step: adds a compiled library, replacing the one of the same name if
     * {@code replace}; refuses a function name another library has.
     */
    public void add(FunctionLibrary library, boolean replace) {
        join(List.of(library), replace);
    }

    /** FUNCTION DELETE: false if there is no such library. */
    public boolean delete(String name) {
        FunctionLibrary library = libraries.remove(name);
        if (library == null) {
            return false;
        }
        unlinkFunctions(library);
        return true;
    }

    public void clear() {
        libraries.clear();
        functions.clear();
    }

    /**
     * FUNCTION RESTORE APPEND/REPLACE (libraryJoin): adds every library or none. A library name already
     * present is an error unless {@code replace}; a function name already present (in a library not being
     * replaced) always is.
     */
    public void join(List<FunctionLibrary> incoming, boolean replace) {
        List<FunctionLibrary> replaced = new ArrayList<>();
        try {
            for (FunctionLibrary library : incoming) {
                FunctionLibrary old = libraries.get(library.name());
                if (old != null) {
                    if (!replace) {
                        throw new ScriptException("ERR Library '" + library.name() + "' already exists");
                    }
                    libraries.remove(old.name());
                    unlinkFunctions(old);
                    replaced.add(old);
                }
            }
            for (FunctionLibrary library : incoming) {
                for (RegisteredFunction f : library.functions().values()) {
                    if (functions.containsKey(f.name().toLowerCase(Locale.ROOT))) {
                        throw new ScriptException("ERR Function " + f.name() + " already exists");
                    }
                }
            }
        } catch (ScriptException e) {
            for (FunctionLibrary old : replaced) {
                link(old);
            }
            throw e;
        }
        for (FunctionLibrary library : incoming) {
            link(library);
        }
    }

    /**
     * Checks that a set of libraries read from one payload is consistent in itself (no library or function
     * twice), as Redis does while it loads them into a fresh context.
     */
    public static void checkDistinct(List<FunctionLibrary> libraries) {
        FunctionLibraries scratch = new FunctionLibraries();
        for (FunctionLibrary library : libraries) {
            scratch.add(library, false);
        }
    }

    private void link(FunctionLibrary library) {
        libraries.put(library.name(), library);
        for (RegisteredFunction f : library.functions().values()) {
            functions.put(f.name().toLowerCase(Locale.ROOT), f);
        }
    }

    private void unlinkFunctions(FunctionLibrary library) {
        for (RegisteredFunction f : library.functions().values()) {
            functions.remove(f.name().toLowerCase(Locale.ROOT));
        }
    }
}
