package classlab.core.data;

import classlab.core.Deferred;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads one URL into a file with {@link HttpClient}, safely:
 * <ul>
 *   <li>bytes go to {@code <target>.part}; only a complete file whose checksum matches is renamed
 *       (atomically where the file system allows) to {@code target};</li>
 *   <li>if a {@code .part} file exists, the download resumes with an HTTP {@code Range} request; a server
 *       that answers 200 instead of 206 simply sends the whole file again, which overwrites the part;</li>
 *   <li>a connection dropped mid-file, or one that stops delivering bytes for longer than the stall
 *       timeout, is retried (resuming) up to {@code maxAttempts} times in all;
 *       after that the {@code .part} file is kept for a later resume and a {@link DownloadException}
 *       is thrown;</li>
 *   <li>a checksum mismatch deletes the {@code .part} file and throws a {@link DownloadException};</li>
 *   <li>a server that cannot be reached (offline, unknown host, connection refused, timeout) gives a
 *       {@link DatasetUnavailableException} at once, without retries;</li>
 *   <li>{@link #cancel()} or an interrupt of the downloading thread stops at the next chunk with a
 *       {@link DownloadCancelledException}, keeping the {@code .part} file.</li>
 * </ul>
 * One instance serves one user operation: once cancelled it stays cancelled. Not for concurrent downloads.
 */
public final class Downloader {
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final String PART_SUFFIX = ".part";

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final int BUFFER_BYTES = 1 << 16;

    private final HttpClient client;
    private final Duration responseTimeout;
    private final int maxAttempts;
    private final Duration retryDelay;
    private final Duration stallTimeout;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** 15 s to connect, 30 s for the response headers, 30 s without a byte mid-file, 3 attempts one second apart. */
    public Downloader() {
        this(Duration.ofSeconds(15), Duration.ofSeconds(30), DEFAULT_MAX_ATTEMPTS, Duration.ofSeconds(1));
    }

    /** As {@link #Downloader(Duration, Duration, int, Duration, Duration)} with a 30 s stall timeout. */
    public Downloader(Duration connectTimeout, Duration responseTimeout, int maxAttempts, Duration retryDelay) {
        this(connectTimeout, responseTimeout, maxAttempts, retryDelay, Duration.ofSeconds(30));
    }

    /**
     * @param connectTimeout  time allowed to open the connection
     * @param responseTimeout time allowed from sending a request until the response headers arrive
     * @param maxAttempts     attempts per download when the connection drops mid-file (at least 1)
     * @param retryDelay      pause before each retry
     * @param stallTimeout    time allowed mid-file without a single byte arriving; the connection is then
     *                        closed and the download resumes in the next attempt (positive)
     */
    public Downloader(Duration connectTimeout, Duration responseTimeout, int maxAttempts, Duration retryDelay,
                      Duration stallTimeout) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.responseTimeout = responseTimeout;
        this.maxAttempts = maxAttempts;
        this.retryDelay = retryDelay;
        if (stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new IllegalArgumentException("stallTimeout must be positive, got " + stallTimeout);
        }
        this.stallTimeout = stallTimeout;
    }

    /** Asks the running (and any later) download of this instance to stop; safe to call from any thread. */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /**
     * Downloads {@code url} to {@code target}, verifying {@code checksum}, creating the parent folder if needed.
     *
     * @return {@code target}
     */
    public Path download(URI url, Path target, Checksum checksum, ProgressListener listener) throws IOException {
        return download(url, target, checksum, listener, null);
    }

    /**
     * As {@link #download(URI, Path, Checksum, ProgressListener)}, but no request waits for its
     * response past {@code responseDeadline} (null: no deadline beyond the response timeout). A caller
     * trying several servers shares one deadline between them, so that a network that accepts
     * connections and never answers (a captive portal) costs one bounded wait, not one per server.
     *
     * @throws DatasetUnavailableException if the deadline passes before a response arrives
     */
    public Path download(URI url, Path target, Checksum checksum, ProgressListener listener, Instant responseDeadline)
            throws IOException {
        Path part = target.resolveSibling(target.getFileName() + PART_SUFFIX);
        String name = target.getFileName().toString();

        RetryableFailure lastFailure = null;
        boolean complete = false;
        for (int attempt = 1; attempt <= maxAttempts && !complete; attempt++) {
            if (attempt > 1) {
                pause(part);
            }
            try {
                transfer(url, part, name, listener, responseDeadline);
                complete = true;
            } catch (RetryableFailure e) {
                lastFailure = e;
            }
        }
        if (!complete) {
            long kept = Files.exists(part) ? Files.size(part) : 0;
            List<String> message = new ArrayList<>();
            message.add(Deferred.of("data.download.failed", url, maxAttempts, lastFailure));
            if (kept > 0) message.add(Deferred.of("data.download.kept", kept, part));
            throw new DownloadException(lastFailure, Deferred.lines(message));
        }

        String actual = checksum.compute(part);
        if (!actual.equals(checksum.hex())) {
            Files.deleteIfExists(part);
            throw new DownloadException(null, Deferred.of("data.download.checksum", name, url, checksum.algorithm(),
                    checksum.hex(), actual));
        }
        try {
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw FileAccessException.translate(e, FileAccessException.Attempt.DATA, target);
        }
        return target;
    }

    /**
     * One request: appends to or rewrites {@code part} until the whole body has arrived. A failure worth
     * another attempt (connection dropped, resume rejected: the part is then deleted) is a
     * {@link RetryableFailure}.
     */
    private void transfer(URI url, Path part, String name, ProgressListener listener, Instant responseDeadline)
            throws IOException {
        checkCancelled(part);
        long existing = Files.isRegularFile(part) ? Files.size(part) : 0;
        Duration timeout = responseTimeout;
        if (responseDeadline != null) {
            Duration left = Duration.between(Instant.now(), responseDeadline);
            if (left.isNegative() || left.isZero()) {
                throw new DatasetUnavailableException(null, Deferred.of("data.download.unreachable", url.getHost(),
                        "data.download.no_response"), Deferred.of("data.download.offline"));
            }
            if (left.compareTo(timeout) < 0) timeout = left;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET();
        if (existing > 0) {
            request.header("Range", "bytes=" + existing + "-");
        }
        HttpResponse<InputStream> response = send(url, request.build(), part);
        try (InputStream body = response.body(); StallGuard stall = new StallGuard(body, stallTimeout)) {
            int status = response.statusCode();
            long offset;
            long total;
            OptionalLong contentLength = response.headers().firstValueAsLong("Content-Length");
            if (status == 206 && existing > 0) {
                String contentRange = response.headers().firstValue("Content-Range").orElse("");
                Matcher range = CONTENT_RANGE.matcher(contentRange);
                if (!range.matches() || Long.parseLong(range.group(1)) != existing) {
                    Files.deleteIfExists(part);
                    throw new RetryableFailure(null, "data.download.wrong_resume", contentRange, existing);
                }
                offset = existing;
                total = range.group(3).equals("*") ? -1 : Long.parseLong(range.group(3));
            } else if (status == 200) {
                offset = 0; // no Range support (or no part): the full file replaces any part
                total = contentLength.orElse(-1L);
            } else if (status == 416) {
                Files.deleteIfExists(part);
                throw new RetryableFailure(null, "data.download.cannot_resume", existing);
            } else {
                throw new DownloadException(null, Deferred.of("data.download.http", url, status));
            }

            long written = offset;
            listener.onProgress(name, written, total);
            byte[] buffer = new byte[BUFFER_BYTES];
            StandardOpenOption mode = offset > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
            try (OutputStream out = openPart(part, mode)) {
                while (true) {
                    int n;
                    try {
                        n = body.read(buffer);
                    } catch (IOException e) {
                        if (stall.fired()) {
                            throw new RetryableFailure(e, "data.download.stalled", stallTimeout.toSeconds(), written);
                        }
                        throw new RetryableFailure(e, "data.download.connection_lost", written, describe(e));
                    }
                    stall.progressed();
                    if (n < 0) {
                        break;
                    }
                    try {
                        out.write(buffer, 0, n);
                    } catch (IOException e) {
                        throw FileAccessException.translate(e, FileAccessException.Attempt.DATA, part);
                    }
                    written += n;
                    listener.onProgress(name, written, total);
                    checkCancelled(part);
                }
            }
            if (total >= 0 && written != total) {
                throw new RetryableFailure(null, "data.download.closed_early", written, total);
            }
        }
    }

    /** The part file for writing; a file-system refusal (no space, permission, a folder in the way) is translated. */
    /**
     * Opens the part file once the server answers with the file: only then is its folder created, so
     * that offline nothing is left behind (trial 4, item 24: an empty cifar-10/ in the user's data folder).
     */
    private static OutputStream openPart(Path part, StandardOpenOption mode) throws IOException {
        try {
            Files.createDirectories(part.toAbsolutePath().getParent());
            return Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
        } catch (IOException e) {
            throw FileAccessException.translate(e, FileAccessException.Attempt.DATA, part);
        }
    }

    private HttpResponse<InputStream> send(URI url, HttpRequest request, Path part) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelledException(part);
        } catch (IOException e) {
            String unreachable = unreachableReason(e);
            if (unreachable != null) {
                throw new DatasetUnavailableException(e, Deferred.of("data.download.unreachable", url.getHost(), unreachable),
                        Deferred.of("data.download.offline"));
            }
            throw new RetryableFailure(e, "data.download.request_failed", describe(e));
        }
    }

    /**
     * Why the server could not be reached at all (a message key), or null if the failure happened after
     * connecting.
     */
    private static String unreachableReason(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "data.download.connect_timeout";
        }
        if (e instanceof HttpTimeoutException) {
            return "data.download.no_response";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "data.download.unknown_host";
            }
            if (t instanceof NoRouteToHostException) {
                return "data.download.no_route";
            }
            if (t instanceof ConnectException) {
                return "data.download.refused";
            }
        }
        return null;
    }

    /** The system's own words about a failure (shown quoted, as the system said them). */
    private static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    private void pause(Path part) throws DownloadCancelledException {
        try {
            Thread.sleep(retryDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelledException(part);
        }
    }

    private void checkCancelled(Path part) throws DownloadCancelledException {
        if (cancelled.get() || Thread.currentThread().isInterrupted()) {
            throw cancelledException(part);
        }
    }

    private static DownloadCancelledException cancelledException(Path part) {
        return new DownloadCancelledException(part);
    }

    /**
     * Closes a response body that has delivered no byte for the stall timeout, which makes the blocked
     * {@code read} fail: {@link HttpClient}'s own timeout covers only the wait for the response headers,
     * so without this a server that stops sending mid-file would hang the download for ever.
     */
    private static final class StallGuard implements AutoCloseable {
        private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "classlab-download-stall");
            t.setDaemon(true);
            return t;
        });

        private final InputStream body;
        private final long timeoutNanos;
        private final ScheduledFuture<?> check;
        private volatile long lastProgressNanos = System.nanoTime();
        private volatile boolean fired;

        StallGuard(InputStream body, Duration timeout) {
            this.body = body;
            this.timeoutNanos = timeout.toNanos();
            long period = Math.max(1, timeout.toMillis() / 4);
            this.check = TIMER.scheduleAtFixedRate(this::closeIfStalled, period, period, TimeUnit.MILLISECONDS);
        }

        void progressed() {
            lastProgressNanos = System.nanoTime();
        }

        boolean fired() {
            return fired;
        }

        private void closeIfStalled() {
            if (!fired && System.nanoTime() - lastProgressNanos > timeoutNanos) {
                fired = true;
                try {
                    body.close();
                } catch (IOException ignored) {
                    // The reader sees the failure from its blocked read; nothing more to report here.
                }
            }
        }

        @Override
        public void close() {
            check.cancel(false);
        }
    }

    /**
     * Internal signal: the connection broke mid-transfer or a resume was rejected; worth another attempt.
     * Its message (a {@code data.download.*} key with arguments) becomes the reason of the
     * {@link DownloadException} when no attempt is left.
     */
    private static final class RetryableFailure extends DownloadException {
        RetryableFailure(Throwable cause, String key, Object... args) {
            super(cause, Deferred.of(key, args));
        }
    }
}
