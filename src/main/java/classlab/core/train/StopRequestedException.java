package classlab.core.train;

/** Thrown at a checkpoint when the user asked the run to stop; ends the run cleanly. */
public final class StopRequestedException extends RuntimeException {
    public StopRequestedException() { super("stopped by the user", null, false, false); }
}
