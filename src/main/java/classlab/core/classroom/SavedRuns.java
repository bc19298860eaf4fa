package classlab.core.classroom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The runs folder ({@code ~/ClassLab/runs}): "Save and quit" writes the unsaved runs of a session into
 * a sub-folder named after the time ({@code 2026-12-01_00-50-04/pattern-all-run2.classlab-run.json});
 * at the next start the app puts the runs found there back into their lessons' run lists, once:
 * {@link #markRestored} adds each file given to a lesson (or reported unreadable) to its folder's
 * {@value #RESTORED} list, and later scans leave listed files out (they stay on disk, for "Open recording…"). A run the user takes out of the
 * list is moved into {@value #DISCARDED}/ (same sub-folder); a file deleted by hand is simply gone.
 */
public final class SavedRuns {
    /** The sub-folder of the runs folder that holds runs taken out of the list. */
    public static final String DISCARDED = "discarded";
    /** The file in each folder that names, one a line, the run files of that folder already put back once. */
    public static final String RESTORED = ".restored";

    private SavedRuns() {}

    /** A run file and the run in it ({@link RunFiles#read}). */
    public record Found(Path file, RunRecord run) {}

    /**
     * What {@link #scan} found.
     *
     * @param runs       readable runs, oldest first (by {@link RunRecord#started})
     * @param unreadable file names that are no ClassLab run or could not be read (damaged, newer version)
     */
    public record Scan(List<Found> runs, List<String> unreadable) {}

    /**
     * Reads every {@link RunFiles#EXTENSION} file in {@code dir} and its sub-folders (one level, as
     * "Save and quit" writes them), except those under {@value #DISCARDED} and those its folder's
     * {@value #RESTORED} list names. Changes nothing on disk. Blocks on file I/O: call it off the FX thread.
     *
     * @param dir the runs folder; when it does not exist the scan is empty
     * @throws IOException if the folder exists but cannot be listed
     */
    public static Scan scan(Path dir) throws IOException {
        List<Found> runs = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        if (!Files.isDirectory(dir)) return new Scan(runs, unreadable);
        List<Path> files;
        java.util.Map<Path, java.util.Set<String>> restored = new java.util.HashMap<>();
        try (Stream<Path> walk = Files.walk(dir, 2)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(RunFiles.EXTENSION) && Files.isRegularFile(p))
                    .filter(p -> !dir.relativize(p).getName(0).toString().equals(DISCARDED))
                    .filter(p -> !restored.computeIfAbsent(p.getParent(), SavedRuns::restoredNames).contains(p.getFileName().toString()))
                    .sorted().toList();
        }
        for (Path file : files) {
            try {
                runs.add(new Found(file, RunFiles.read(file)));
            } catch (IOException | RuntimeException e) {
                unreadable.add(dir.relativize(file).toString());
            }
        }
        runs.sort(java.util.Comparator.comparing(f -> f.run().started()));
        return new Scan(runs, unreadable);
    }

    /**
     * Adds {@code files} (in {@code dir} or its sub-folders) to their folders' {@value #RESTORED} lists, so
     * the next {@link #scan} leaves them out: a run saved at a quit comes back once. The files stay where
     * they are. Blocks on file I/O: call it off the FX thread.
     *
     * @throws IOException if a list cannot be written (then those runs come back at the next start too)
     */
    public static synchronized void markRestored(java.util.Collection<Path> files) throws IOException {
        java.util.Map<Path, List<String>> byFolder = new java.util.TreeMap<>();
        for (Path f : files) byFolder.computeIfAbsent(f.getParent(), k -> new ArrayList<>()).add(f.getFileName().toString());
        for (java.util.Map.Entry<Path, List<String>> e : byFolder.entrySet()) {
            Files.write(e.getKey().resolve(RESTORED), e.getValue(), java.nio.charset.StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
    }

    /** The file names {@code folder}'s {@value #RESTORED} list holds; none when there is no list or it cannot be read. */
    private static java.util.Set<String> restoredNames(Path folder) {
        try {
            return new java.util.HashSet<>(Files.readAllLines(folder.resolve(RESTORED), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            return java.util.Set.of();
        }
    }

    /**
     * Moves a restored run's file to {@code dir/discarded/} (keeping its sub-folder), so the next
     * {@link #scan} leaves it out.
     *
     * @return where the file is now
     * @throws IOException if it cannot be moved (the message names the file)
     */
    public static Path discard(Path dir, Path file) throws IOException {
        Path target = dir.resolve(DISCARDED).resolve(dir.relativize(file));
        Files.createDirectories(target.getParent());
        return Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
