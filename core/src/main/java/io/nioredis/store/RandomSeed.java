package io.nioredis.store;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;

/**
 * Random bytes for the seeds made at start-up (the dict hash key, the run id), read from /dev/urandom as
 * Redis reads them: the first SecureRandom of a JVM sets up the security providers, which was a visible part
 * of the time to the first reply. SecureRandom where there is no such device.
 */
public final class RandomSeed {
    private RandomSeed() {}

    public static byte[] bytes(int n) {
        byte[] b = new byte[n];
        try (InputStream in = new FileInputStream("/dev/urandom")) {
            if (in.readNBytes(b, 0, n) == n) {
                return b;
            }
        } catch (IOException noDevice) {
            // fall through to SecureRandom
        }
        new SecureRandom().nextBytes(b);
        return b;
    }
}
