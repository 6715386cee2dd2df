package io.nioredis.value.geo;

import java.nio.charset.StandardCharsets;

/**
 * GEOHASH's reply: the standard 11-character base32 geohash of a member's position. Redis's scores cut latitudes
 * at the Mercator limits, so it decodes the position and encodes it again over the standard -90..90 range; the
 * 11th character stands for bits Redis does not have and is always '0'.
 */
public final class GeoHashString {
    private static final byte[] ALPHABET = "0123456789bcdefghjkmnpqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);

    /** The 11 ASCII bytes of the geohash of a stored score. */
    public static byte[] of(long score) {
        double longitude = GeoHash.decodeLongitude(score);
        double latitude = GeoHash.decodeLatitude(score);
        long bits = GeoHash.encode(-180, 180, -90, 90, longitude, latitude, GeoHash.STEP_MAX);
        byte[] out = new byte[11];
        for (int i = 0; i < 10; i++) {
            out[i] = ALPHABET[(int) (bits >>> (52 - (i + 1) * 5)) & 0x1f];
        }
        out[10] = ALPHABET[0];
        return out;
    }

    private GeoHashString() {
    }
}
