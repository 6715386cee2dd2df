package io.nioredis.server.sentinel;

/** Reads one {@code name:value} line out of an INFO reply. */
final class InfoFields {
    private InfoFields() {}

    static String field(String info, String name) {
        for (String line : info.split("\r\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1);
            }
        }
        return null;
    }
}
