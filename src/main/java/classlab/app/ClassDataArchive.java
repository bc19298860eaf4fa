package classlab.app;

import classlab.core.data.DataCache;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;

/**
 * The window's class-data archive: the JDK's application class-data sharing with a dynamic archive
 * (JEP 350, {@code -XX:ArchiveClassesAtExit} / {@code -XX:SharedArchiveFile}). The classes a window's JVM
 * loads (JavaFX, ControlsFX, ClassLab, Jackson, jlatexmath, DL4J and ND4J: about 8,000) are parsed and verified
 * once, written to a file when that JVM ends, and mapped by later starts instead of being loaded from the jars
 * again. {@code bench/first-window} prints the first window's time at a first start ever and at later starts.
 *
 * <p>One archive per JVM and class path: its name is a digest of the JVM ({@code java.home},
 * {@code java.vm.version}) and of every class path jar, with the jars its manifest's {@code Class-Path}
 * names, by path, size and modification time, so a rebuilt jar or another JDK makes a new archive (the JVM
 * would refuse a stale one and start without it). The first start writes it to a pending file of its own;
 * the launcher gives it its name only after that JVM ended normally, because mapping a truncated archive
 * crashes the JVM (SIGBUS). Writing costs that first start about 0.5 s and its end 4-6 s (after the window
 * has closed); a JVM that crashes with the archive mapped deletes it, so the next start makes a new one.
 * The JVM's own notes about the archive ("Skipping ... Pre JDK 6 class", one per slf4j class) are switched off.
 */
public final class ClassDataArchive {
    /** The JVM option that silences the JVM's notes about class-data sharing (all levels, all cds tags). */
    static final String QUIET = "-Xlog:cds*=off";

    private static final String PREFIX = "classlab-";
    private static final String SUFFIX = ".jsa";
    /** How many archives the folder keeps (about 50 MB each). */
    static final int KEPT = 3;

    private final Path archive;
    private final Path pending;

    private ClassDataArchive(Path archive, Path pending) {
        this.archive = archive;
        this.pending = pending;
    }

    /** Where the launcher keeps its files per JVM (archives, remembered probes): {@code jvm} in the user cache folder. */
    public static Path directory() {
        return DataCache.userCacheDir().resolve("jvm");
    }

    /** The names of the archives in {@link #directory()} (for {@code bench}: a name that appears was written by a start). */
    public static Set<String> archiveNames() {
        Set<String> names = new TreeSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory(), PREFIX + "*" + SUFFIX)) {
            for (Path file : files) names.add(file.getFileName().toString());
        } catch (IOException e) {
            // no folder yet: no archives
        }
        return names;
    }

    /**
     * The archive for this JVM and {@code classPath} in {@code dir} (created when needed), or null when the
     * class path has an entry that is not a jar file: the JVM archives no classes from folders (the tests'
     * {@code target/classes}) and refuses to write an archive with a non-empty folder on the class path.
     *
     * @param classPath a class path as in {@code java.class.path} (entries separated by {@link File#pathSeparator})
     * @param jvm       what identifies the JVM, e.g. {@code java.home} and {@code java.vm.version} joined
     * @param writerId  what makes this launcher's pending file its own (its process id)
     */
    static ClassDataArchive of(Path dir, String classPath, String jvm, long writerId) {
        List<Path> jars = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isEmpty()) continue;
            Path jar = Path.of(entry).toAbsolutePath().normalize();
            if (!Files.isRegularFile(jar) || !entry.endsWith(".jar")) return null;
            jars.add(jar);
            jars.addAll(manifestClassPath(jar));
        }
        if (jars.isEmpty()) return null;
        StringBuilder identity = new StringBuilder(jvm);
        for (Path jar : jars) {
            try {
                identity.append('\n').append(jar).append(' ').append(Files.size(jar)).append(' ').append(Files.getLastModifiedTime(jar).toMillis());
            } catch (IOException e) {
                return null;   // a jar the JVM could not open either; no archive for such a class path
            }
        }
        String name = PREFIX + digest(identity.toString());
        return new ClassDataArchive(dir.resolve(name + SUFFIX), dir.resolve(name + ".pending-" + writerId));
    }

    /** The archive's file (it may not exist yet). */
    Path archive() { return archive; }

    /** Whether a start maps the archive (it exists) rather than writes it. */
    boolean ready() { return Files.isRegularFile(archive); }

    /**
     * The options of the JVM that shows the window: map the archive when it exists, else write it to this
     * launcher's pending file at exit; both with {@link #QUIET}. Empty when the folder cannot be made.
     */
    List<String> jvmOptions() {
        if (ready()) {
            try {
                Files.setLastModifiedTime(archive, FileTime.fromMillis(System.currentTimeMillis()));   // recently used: kept
            } catch (IOException e) {
                // a read-only cache still maps
            }
            return List.of(QUIET, "-XX:SharedArchiveFile=" + archive);
        }
        try {
            Files.createDirectories(archive.getParent());
        } catch (IOException e) {
            return List.of();
        }
        // a start while an earlier one still writes this archive (for some seconds after its window closed) writes none
        if (anotherStartWrites()) return List.of();
        return List.of(QUIET, "-XX:ArchiveClassesAtExit=" + pending);
    }

    /** Whether a pending file of this archive belongs to another launcher that is still running. */
    private boolean anotherStartWrites() {
        String prefix = archive.getFileName().toString().replace(SUFFIX, ".pending-");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(archive.getParent(), prefix + "*")) {
            for (Path file : files) {
                if (file.equals(pending)) continue;
                try {
                    long writer = Long.parseLong(file.getFileName().toString().substring(prefix.length()));
                    if (ProcessHandle.of(writer).map(ProcessHandle::isAlive).orElse(false)) return true;
                } catch (NumberFormatException e) {
                    // not one of ours
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /** Whether this JVM was started to write a class-data archive when it ends (its own options say so). */
    static boolean writingAtExit(List<String> jvmArgs) {
        return jvmArgs.stream().anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit="));
    }

    /**
     * After the JVM given {@link #jvmOptions()} ended with {@code exitCode}: a pending archive of a JVM that
     * ended normally (0) becomes the archive and old archives are deleted ({@link #deleteOldArchives}); any other pending
     * file is deleted. A JVM that crashed (SIGABRT or SIGSEGV/SIGBUS: exit code 134, 139 or 135) while the
     * archive was mapped deletes it. Never throws: the archive is only a faster start.
     */
    void childEnded(int exitCode, boolean archiveWasMapped) {
        try {
            if (Files.exists(pending)) {
                if (exitCode == 0 && Files.size(pending) > 0) {
                    Files.move(pending, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    deleteOldArchives();
                } else {
                    Files.delete(pending);
                }
            } else if (archiveWasMapped && (exitCode == 134 || exitCode == 135 || exitCode == 139)) {
                Files.deleteIfExists(archive);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("classlab: class-data archive " + archive + ": " + e.getMessage());
        }
    }

    /**
     * Keeps the {@value #KEPT} archives used most recently (this one included; a start that maps one marks it) and
     * deletes the others: builds and JDKs replaced since, without two installed builds writing theirs at each
     * other's starts. Also deletes pending files a day old (their launcher was killed before its JVM ended; a
     * younger one may belong to a first start still running).
     */
    private void deleteOldArchives() throws IOException {
        long dayAgo = System.currentTimeMillis() - 86_400_000L;
        List<Path> archives = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(archive.getParent(), PREFIX + "*")) {
            for (Path file : files) {
                if (file.getFileName().toString().endsWith(SUFFIX)) archives.add(file);
                else if (file.getFileName().toString().contains(".pending-") && Files.getLastModifiedTime(file).toMillis() < dayAgo) delete(file);
            }
        }
        archives.sort(Comparator.comparing(ClassDataArchive::lastUsed).reversed());
        for (Path old : archives.subList(Math.min(KEPT, archives.size()), archives.size())) {
            if (!old.equals(archive)) delete(old);
        }
    }

    private static long lastUsed(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            // another start still maps it (Windows), or it is gone already; the next new archive tries again
        }
    }

    /** The jars named by {@code jar}'s manifest {@code Class-Path} (relative to the jar's folder) that exist, or none. */
    private static List<Path> manifestClassPath(Path jar) {
        List<Path> jars = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            String classPath = file.getManifest() == null ? null : file.getManifest().getMainAttributes().getValue("Class-Path");
            if (classPath == null) return jars;
            for (String entry : classPath.trim().split("\\s+")) {
                if (entry.isEmpty()) continue;
                Path named = Path.of(jar.getParent().toUri().resolve(entry)).normalize();   // a relative URL
                // a jar that is not there is skipped, by the JVM too (javacpp-platform names every platform's jar)
                if (Files.isRegularFile(named)) jars.add(named);
            }
        } catch (IOException | IllegalArgumentException e) {
            // unreadable manifest: the jar's own size and time still name the archive
        }
        return jars;
    }

    /**
     * A 96-bit key of {@code text} in hexadecimal (24 digits) for a file name: two 64-bit FNV-1a hashes of its
     * UTF-8 bytes, the second from another start value, the first 64 bits and 32 of the second. Not
     * cryptographic: nobody forges these names, and the JVM itself refuses an archive of another class path.
     * SHA-256 cost the launcher 36-68 ms at every start (the security providers' classes are not in the
     * JDK's class-data archive; a fresh JVM timing {@code MessageDigest.getInstance("SHA-256").digest(...)}).
     */
    static String digest(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        long first = fnv1a(bytes, FNV_OFFSET);
        long second = fnv1a(bytes, FNV_OFFSET ^ first);
        return HexFormat.of().toHexDigits(first) + HexFormat.of().toHexDigits((int) (second >>> 32));
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private static long fnv1a(byte[] bytes, long start) {
        long h = start;
        for (byte b : bytes) h = (h ^ (b & 0xff)) * FNV_PRIME;
        return h;
    }
}
