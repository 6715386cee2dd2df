package io.nioredis;

import io.nioredis.config.Config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The password check of Redis's default user, which is all of Redis's access control that
 * {@code requirepass} configures. Without a password the default user is "nopass": every password is
 * accepted for it. With one, only that password is.
 *
 * <p>Only a SHA-256 digest of the password is kept, and candidates are compared digest to digest with
 * {@link MessageDigest#isEqual}, whose time does not depend on where the bytes differ, so neither the
 * length nor a prefix of the password leaks through timing (Redis compares hashes the same way).
 */
public final class Authenticator implements Config.Listener {
    private static final byte[] DEFAULT_USER = "default".getBytes(StandardCharsets.US_ASCII);

    private final Config config;
    /** Digest of requirepass, or null when none is set. */
    private byte[] passwordDigest;

    public Authenticator(Config config) {
        this.config = config;
        config.addListener(this);
        changed("requirepass");
    }

    @Override
    public void changed(String name) {
        if (name.equals("requirepass")) {
            String password = config.get("requirepass");
            passwordDigest = password.isEmpty() ? null : digest(password.getBytes(StandardCharsets.UTF_8), 0,
                    password.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    /** The SHA-256 of requirepass in hex, as ACL LIST and GETUSER show the default user's password; null if none. */
    public String passwordHashHex() {
        byte[] d = passwordDigest;
        return d == null ? null : java.util.HexFormat.of().formatHex(d);
    }

    /** True when clients must authenticate before running commands. */
    public boolean passwordRequired() {
        return passwordDigest != null;
    }

    /**
     * Whether {@code user}/{@code password} (views into {@code b}) name the default user with its password.
     * Other user names are refused as Redis refuses users that do not exist.
     */
    public boolean check(byte[] b, int userOff, int userLen, int passOff, int passLen) {
        boolean isDefault = java.util.Arrays.equals(b, userOff, userOff + userLen, DEFAULT_USER, 0,
                DEFAULT_USER.length);
        boolean passwordOk = checkPassword(b, passOff, passLen);
        return isDefault & passwordOk;
    }

    /** Whether the password is the default user's (always, when none is set). */
    public boolean checkPassword(byte[] b, int off, int len) {
        byte[] expected = passwordDigest;
        if (expected == null) {
            return true;
        }
        return MessageDigest.isEqual(expected, digest(b, off, len));
    }

    private static byte[] digest(byte[] b, int off, int len) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(b, off, len);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
