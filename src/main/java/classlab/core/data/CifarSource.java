package classlab.core.data;

import classlab.core.Localized;
import classlab.core.Deferred;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where CIFAR-10 comes from and how ClassLab gets it: the official binary release
 * ({@value CifarFiles#ARCHIVE}, 170,052,171 bytes, MD5 c32a1d4a…) from the CIFAR-10 page, through the same
 * {@link Downloader} as MNIST (progress, resume from a {@code .part} file, checksum). Data already in the
 * folder is used as it is: the archive, or the extracted {@value CifarFiles#BATCHES_DIR} folder placed by hand.
 * An archive of the official size must have the official checksum (a damaged download); other archives and
 * folders are checked by format only, so small test archives work.
 */
public final class CifarSource {
    /** The official download address (www.cs.toronto.edu/~kriz/cifar.html). */
    public static final URI DEFAULT_URL = URI.create("https://www.cs.toronto.edu/~kriz/" + CifarFiles.ARCHIVE);

    private final URI url;
    private final Checksum checksum;
    private final Downloader downloader;

    public CifarSource() {
        this(DEFAULT_URL, CifarFiles.ARCHIVE_MD5, new Downloader());
    }

    /**
     * @param url        where the archive is downloaded from
     * @param checksum   its expected checksum
     * @param downloader performs the download; {@link #cancel()} cancels it
     */
    public CifarSource(URI url, Checksum checksum, Downloader downloader) {
        this.url = url;
        this.checksum = checksum;
        this.downloader = downloader;
    }

    public void cancel() {
        downloader.cancel();
    }

    /**
     * CIFAR-10 from {@code dir}, downloading the archive into it first when nothing is there.
     *
     * @param dir the CIFAR-10 folder (usually {@link DataCache#cifarDir()}); created if a download is needed
     * @throws DatasetUnavailableException if the archive cannot be downloaded (the message says where to put it by hand)
     * @throws DownloadCancelledException  if cancelled
     * @throws DataFormatException         if the data in {@code dir} is damaged or incomplete (the message names the file)
     */
    public CifarData ensure(Path dir, ProgressListener listener) throws IOException, DataFormatException {
        CifarFiles.Location location = CifarFiles.find(dir);
        if (location == null) {
            download(dir, listener);
            location = new CifarFiles.Location.Archive(dir.resolve(CifarFiles.ARCHIVE));
        } else if (location instanceof CifarFiles.Location.Archive a && Files.size(a.file()) == CifarFiles.ARCHIVE_BYTES
                && !CifarFiles.ARCHIVE_MD5.matches(a.file())) {
            throw new DataFormatException("data.cifar.bad_checksum", a.file(), CifarFiles.ARCHIVE_MD5.hex());
        }
        try {
            return CifarReader.read(location);
        } catch (DataFormatException e) {
            throw new DataFormatException(e, "data.cifar.replace", e);
        }
    }

    /** What to tell a user who must supply CIFAR-10 without the network (a deferred message). */
    public static String manualCopyDirections(Path dir) {
        return Deferred.of("data.cifar.manual_copy", DEFAULT_URL, CifarFiles.ARCHIVE, CifarFiles.BATCHES_DIR,
                dir.toAbsolutePath(), DataCache.ENV_VAR);
    }

    /** Downloads the archive into {@code dir}, which the downloader creates only once the server sends it. */
    private void download(Path dir, ProgressListener listener) throws IOException {
        try {
            downloader.download(url, dir.resolve(CifarFiles.ARCHIVE), checksum, listener);
        } catch (DownloadCancelledException e) {
            throw e;
        } catch (FileAccessException e) {
            throw new DatasetUnavailableException(e, Deferred.of("data.cifar.no_folder", e), manualCopyDirections(dir));
        } catch (IOException e) {
            String headline = e instanceof DatasetUnavailableException
                    ? Deferred.of("data.cifar.offline", url.getHost())
                    : Deferred.of("data.cifar.download_failed", url, Localized.reasonOf(e));
            throw new DatasetUnavailableException(e, headline, manualCopyDirections(dir));
        }
    }
}
