package classlab.core.data;

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
            throw new DataFormatException(a.file() + " has the size of the official CIFAR-10 archive but not its MD5 checksum "
                    + CifarFiles.ARCHIVE_MD5.hex() + ": the file is damaged. Delete it so that ClassLab downloads it again,"
                    + " or replace it with a good copy.");
        }
        try {
            return CifarReader.read(location);
        } catch (DataFormatException e) {
            throw new DataFormatException(e.getMessage() + ". Replace it with a good copy, or delete it so that ClassLab"
                    + " downloads the archive again.", e);
        }
    }

    /** What to tell a user who must supply CIFAR-10 without the network. */
    public static String manualCopyDirections(Path dir) {
        return "To use CIFAR-10 without a network connection, download " + DEFAULT_URL + " on another computer and copy"
                + " the file " + CifarFiles.ARCHIVE + " (or its extracted folder " + CifarFiles.BATCHES_DIR + ") by hand into"
                + " the folder\n    " + dir.toAbsolutePath() + "\nTo use a folder elsewhere, start ClassLab with --data-dir"
                + " <folder> or set the environment variable " + DataCache.ENV_VAR + " (put the data in its cifar-10 subfolder).";
    }

    private void download(Path dir, ProgressListener listener) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DatasetUnavailableException("Cannot create the CIFAR-10 folder " + dir.toAbsolutePath() + ": " + e
                    + "\n" + manualCopyDirections(dir), e);
        }
        try {
            downloader.download(url, dir.resolve(CifarFiles.ARCHIVE), checksum, listener);
        } catch (DownloadCancelledException e) {
            throw e;
        } catch (IOException e) {
            String headline = e instanceof DatasetUnavailableException
                    ? "Cannot download CIFAR-10: this computer seems to be offline or " + url.getHost() + " is unreachable."
                    : "Cannot download CIFAR-10 from " + url + ": " + e.getMessage();
            throw new DatasetUnavailableException(headline + "\n" + manualCopyDirections(dir), e);
        }
    }
}
