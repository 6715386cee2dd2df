package io.nioredis.command.server;

import io.nioredis.resp.Request;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which INFO sections a request asks for, as Redis 7.0's genInfoSectionDict: no argument means the default
 * sections; {@code default} adds them; {@code all} and {@code everything} mean every section (there are no
 * module sections here, which is all that tells the two apart); other names are taken as given, in any case,
 * and an unknown one simply matches nothing. {@code module_list} is the modules section's other name.
 */
final class InfoSections {
    /** Every section, in the order Redis prints them. */
    static final List<String> ORDER = List.of("server", "clients", "memory", "persistence", "stats",
            "replication", "cpu", "modules", "commandstats", "errorstats", "latencystats", "cluster", "keyspace");
    private static final List<String> DEFAULT = List.of("server", "clients", "memory", "persistence", "stats",
            "replication", "cpu", "modules", "errorstats", "cluster", "keyspace");

    private final Set<String> names;
    private final boolean all;

    private InfoSections(Set<String> names, boolean all) {
        this.names = names;
        this.all = all;
    }

    static InfoSections parse(Request request) {
        Set<String> names = new HashSet<>();
        boolean all = false;
        if (request.argc() == 1) {
            names.addAll(DEFAULT);
        }
        for (int i = 1; i < request.argc(); i++) {
            String name = request.string(i).toLowerCase(Locale.ROOT);
            switch (name) {
                case "default" -> names.addAll(DEFAULT);
                case "all", "everything" -> all = true;
                case "module_list" -> names.add("modules");
                default -> names.add(name);
            }
        }
        return new InfoSections(names, all);
    }

    boolean includes(String section) {
        return all || names.contains(section);
    }
}
