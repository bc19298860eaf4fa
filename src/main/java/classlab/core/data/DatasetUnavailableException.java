package classlab.core.data;

import classlab.core.Localized;
import classlab.core.Deferred;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A data set cannot be obtained: its files are missing and the download server cannot be reached
 * (offline, unknown host, connection refused, timeout) or the download failed. The message is meant
 * for the user ({@link #deferredMessage()}, in {@code lessons/common_<lang>.properties}): the
 * {@link #reason()} (what happened, with each server's failure) and, where the caller knows it, where
 * to put the files by hand. {@link #getMessage()} is its English text.
 */
public class DatasetUnavailableException extends IOException implements Localized {
    private final String reason;
    private final String directions;

    /** Only a reason: the message {@code key} with {@code args} (see {@link Deferred#of}). */
    public DatasetUnavailableException(String key, Object... args) {
        this(null, Deferred.of(key, args), null);
    }

    /**
     * @param cause      the failure behind it, or null
     * @param reason     what happened, a deferred message ({@link Deferred#of}, {@link Deferred#lines})
     * @param directions what to do, a deferred message, or null
     */
    public DatasetUnavailableException(Throwable cause, String reason, String directions) {
        super(null, cause);
        this.reason = reason;
        this.directions = directions;
    }

    /** Why the data cannot be had, without the directions (for a message that gives its own). */
    public Localized reason() {
        return () -> reason;
    }

    @Override
    public String deferredMessage() {
        List<String> parts = new ArrayList<>(List.of(reason));
        if (directions != null) parts.add(directions);
        return Deferred.lines(parts);
    }

    @Override
    public String getMessage() {
        return Deferred.english(deferredMessage());
    }
}
