package classlab.core.data;

import classlab.core.Localized;
import classlab.core.Deferred;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where MNIST comes from and how ClassLab gets it: the published {@code .gz} files, mirrors tried in
 * order, and their published MD5 checksums. {@link #ensureMnist} uses files already in the folder
 * (validated by format only, so users may supply their own copies) and downloads only the missing ones.
 */
public final class MnistSource {
    /** Mirrors of the original files, in the order they are tried (the first is the one torchvision uses). */
    public static final List<URI> DEFAULT_MIRRORS = List.of(
            URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
            URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"));

    /** Published MD5 checksums of the four {@code .gz} files, keyed by file name. */
    public static final Map<String, Checksum> PUBLISHED_MD5 = Map.of(
            MnistFiles.TRAIN_IMAGES + MnistFiles.GZ, Checksum.md5("f68b3c2dcbeaaa9fbdd348bbdeb94873"),
            MnistFiles.TRAIN_LABELS + MnistFiles.GZ, Checksum.md5("d53e105ee54ea40749a09fcbcd1e9432"),
            MnistFiles.TEST_IMAGES + MnistFiles.GZ, Checksum.md5("9fb629c4189551a2d022fa330f9573f3"),
            MnistFiles.TEST_LABELS + MnistFiles.GZ, Checksum.md5("ec29112dd5afa0611ce80d1b7f02629c"));

    private final List<URI> mirrors;
    private final Map<String, Checksum> checksums;
    private final Downloader downloader;
    private final Duration responseBudget;

    /** The public mirrors and checksums with a default {@link Downloader}. */
    public MnistSource() {
        this(DEFAULT_MIRRORS, PUBLISHED_MD5, new Downloader(), DEFAULT_RESPONSE_BUDGET);
    }

    /** Total time all mirrors together may take to answer one file's request before ClassLab says "offline". */
    public static final Duration DEFAULT_RESPONSE_BUDGET = Duration.ofSeconds(30);

    /** As the four-argument constructor with {@link #DEFAULT_RESPONSE_BUDGET}. */
    public MnistSource(List<URI> mirrors, Map<String, Checksum> checksums, Downloader downloader) {
        this(mirrors, checksums, downloader, DEFAULT_RESPONSE_BUDGET);
    }

    /**
     * @param mirrors   base URLs, each serving the four {@code .gz} files under their own names
     * @param checksums expected checksum per {@code .gz} file name (all four required)
     * @param downloader performs the downloads; {@link #cancel()} cancels it
     * @param responseBudget how long all mirrors together may leave one file's request unanswered
     */
    public MnistSource(List<URI> mirrors, Map<String, Checksum> checksums, Downloader downloader, Duration responseBudget) {
        if (mirrors.isEmpty()) {
            throw new IllegalArgumentException("at least one MNIST mirror URL is needed");
        }
        for (String name : MnistFiles.BASE_NAMES) {
            if (!checksums.containsKey(name + MnistFiles.GZ)) {
                throw new IllegalArgumentException("no checksum given for " + name + MnistFiles.GZ);
            }
        }
        this.mirrors = mirrors.stream().map(MnistSource::asFolder).toList();
        this.checksums = Map.copyOf(checksums);
        this.downloader = downloader;
        this.responseBudget = responseBudget;
    }

    /** Cancels the download in progress (and any later one of this source). */
    public void cancel() {
        downloader.cancel();
    }

    /**
     * MNIST from {@code dir}, downloading the missing files first.
     *
     * @param dir      the MNIST folder (usually {@link DataCache#mnistDir()}); created if needed
     * @param listener download progress per file
     * @throws DatasetUnavailableException if a missing file cannot be downloaded from any mirror (the message
     *                                     says why and how to supply the files by hand)
     * @throws DownloadCancelledException  if cancelled
     * @throws DataFormatException         if a file in {@code dir} is not valid MNIST IDX data
     * @throws FileAccessException         if files are missing and {@code dir} cannot take them, or a file
     *                                     cannot be read (the message says why and what to do)
     */
    public MnistData ensureMnist(Path dir, ProgressListener listener) throws IOException, DataFormatException {
        List<String> missing = MnistFiles.missing(dir);
        if (!missing.isEmpty()) {
            Destinations.requireWritableFolder(dir, FileAccessException.Attempt.DATA);
            for (String baseName : missing) {
                for (Path p : List.of(dir.resolve(baseName + MnistFiles.GZ), dir.resolve(baseName))) {
                    if (Files.isDirectory(p)) {
                        throw new FileAccessException(FileAccessException.Attempt.DATA,
                                FileAccessException.Reason.IS_A_DIRECTORY, p, null, null);
                    }
                }
            }
        }
        for (String baseName : missing) {
            downloadFromAnyMirror(dir, baseName + MnistFiles.GZ, listener);
        }
        try {
            return MnistLoader.load(dir);
        } catch (FileSystemException e) {
            throw FileAccessException.translate(e, FileAccessException.Attempt.READ_DATA, dir);
        } catch (DataFormatException e) {
            throw new DataFormatException(e, "data.mnist.replace_file", e);
        }
    }

    /** What to tell a user who must supply the MNIST files without the network (a deferred message). */
    public static String manualCopyDirections(Path dir) {
        return Deferred.of("data.mnist.manual_copy", dir.toAbsolutePath(),
                MnistFiles.BASE_NAMES.stream().map(n -> n + MnistFiles.GZ).collect(Collectors.joining("\n    ")),
                DataCache.ENV_VAR);
    }

    private void downloadFromAnyMirror(Path dir, String fileName, ProgressListener listener) throws IOException {
        List<String> failures = new ArrayList<>();
        boolean allUnreachable = true;
        IOException last = null;
        // One wait for all mirrors: a network that accepts connections and never answers costs this once.
        Instant deadline = Instant.now().plus(responseBudget);
        for (URI mirror : mirrors) {
            URI url = mirror.resolve(fileName);
            try {
                downloader.download(url, dir.resolve(fileName), checksums.get(fileName), listener, deadline);
                return;
            } catch (DownloadCancelledException | FileAccessException e) {
                throw e;  // cancelled, or this computer cannot store the file: another mirror will not help
            } catch (IOException e) {
                allUnreachable &= e instanceof DatasetUnavailableException;
                // the headline says "offline" once; each mirror's line says why it could not be reached
                Localized why = e instanceof DatasetUnavailableException d ? d.reason() : Localized.reasonOf(e);
                failures.add(Deferred.of("data.download.mirror_failed", url, why));
                last = e;
            }
        }
        List<String> reason = new ArrayList<>();
        reason.add(allUnreachable ? Deferred.of("data.mnist.offline") : Deferred.of("data.mnist.download_failed", fileName));
        reason.addAll(failures);
        throw new DatasetUnavailableException(last, Deferred.lines(reason), manualCopyDirections(dir));
    }

    private static URI asFolder(URI base) {
        String s = base.toString();
        return s.endsWith("/") ? base : URI.create(s + "/");
    }
}
