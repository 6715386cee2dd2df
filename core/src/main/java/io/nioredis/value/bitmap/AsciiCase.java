package io.nioredis.value.bitmap;

/** Case-insensitive matching of an argument's bytes against an upper-case keyword, as Redis's strcasecmp. */
final class AsciiCase {

    static boolean equalsIgnoreCase(byte[] arg, String upperCaseName) {
        if (arg.length != upperCaseName.length()) {
            return false;
        }
        for (int i = 0; i < arg.length; i++) {
            int c = arg[i];
            if (c >= 'a' && c <= 'z') {
                c -= 'a' - 'A';
            }
            if (c != upperCaseName.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private AsciiCase() {
    }
}
