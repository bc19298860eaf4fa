package classlab.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a folder that work will be written to before the work starts, so that minutes of training
 * are never lost to a folder that cannot take the results.
 */
public final class Destinations {
    private Destinations() {}

    /**
     * Makes sure {@code dir} is a folder this process can create files in: creates it (and its
     * parents) if needed, then creates and deletes a probe file in it. The probe is the only
     * reliable test: permission bits do not tell about read-only mounts, ACLs or a root user.
     *
     * @throws FileAccessException with the translated reason (a file in the way, permission denied,
     *                             read-only file system, no space...)
     */
    public static void requireWritableFolder(Path dir, FileAccessException.Attempt attempt) throws FileAccessException {
        Path abs = dir.toAbsolutePath();
        Path inTheWay = FileAccessException.firstFileOnTheWay(abs);
        if (Files.exists(inTheWay) && !Files.isDirectory(inTheWay)) {
            throw new FileAccessException(attempt, FileAccessException.Reason.NOT_A_DIRECTORY, abs, inTheWay.toString(), null);
        }
        try {
            Files.createDirectories(abs);
        } catch (IOException e) {
            throw FileAccessException.translate(e, attempt, abs);
        }
        try {
            Path probe = Files.createTempFile(abs, ".classlab-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            // the message names the folder the user chose, not the probe's internal file name
            throw FileAccessException.translate(e, attempt, abs).in(abs);
        }
    }
}
