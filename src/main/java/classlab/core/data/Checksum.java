package classlab.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Expected digest of a file.
 *
 * @param algorithm {@link MessageDigest} algorithm name: "MD5" or "SHA-256"
 * @param hex       expected digest, lowercase hexadecimal
 */
public record Checksum(String algorithm, String hex) {
    public Checksum {
        if (!algorithm.equals("MD5") && !algorithm.equals("SHA-256")) {
            throw new IllegalArgumentException("checksum algorithm must be MD5 or SHA-256, not " + algorithm);
        }
        int expectedLength = algorithm.equals("MD5") ? 32 : 64;
        hex = hex.toLowerCase(Locale.ROOT);
        if (hex.length() != expectedLength || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException(algorithm + " checksum must be " + expectedLength
                    + " hexadecimal digits, got '" + hex + "'");
        }
    }

    public static Checksum md5(String hex) {
        return new Checksum("MD5", hex);
    }

    public static Checksum sha256(String hex) {
        return new Checksum("SHA-256", hex);
    }

    /** Digest of the file's bytes with this checksum's algorithm, lowercase hex. */
    public String compute(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + algorithm, e); // both are mandatory in every JDK
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Whether the file's digest equals this checksum. */
    public boolean matches(Path file) throws IOException {
        return hex.equals(compute(file));
    }
}
