package classlab.ui.shell;

import classlab.ui.fx.Theme;
import java.nio.file.Path;

/**
 * How the window starts: language, theme, data folder, first lesson, and optionally a snapshot
 * request (open a lesson, run its default experiment to the end, save a PNG of the pane, exit).
 *
 * @param lesson      lesson to open first, or null for the first in the catalogue
 * @param snapshotOut where the snapshot PNG goes, or null for a normal session
 * @param epochs      epochs for the snapshot run, or null for the lesson's default
 * @param exitAfterShow close once the window is shown and its first lesson drawn (benchmark of time to first window)
 * @param replay      for a snapshot: a recorded run ({@code .classlab-run.json}) to replay instead of
 *                    training, or null
 * @param experiment  for a snapshot: the experiment to run (its section's tab is shown), or null for
 *                    the lesson's default
 * @param repeat      for a snapshot: how many times to run the experiment in this one process
 *                    before saving the picture (1 = once); each run prints the process's memory
 *                    ({@code bench/app-vs-run --repeat})
 */
public record StartOptions(String language, Theme theme, Path dataDir, String lesson, Path snapshotOut,
                           Integer epochs, boolean exitAfterShow, Path replay, String experiment, int repeat) {
    /** Options that run a snapshot's experiment once. */
    public StartOptions(String language, Theme theme, Path dataDir, String lesson, Path snapshotOut,
                        Integer epochs, boolean exitAfterShow, Path replay, String experiment) {
        this(language, theme, dataDir, lesson, snapshotOut, epochs, exitAfterShow, replay, experiment, 1);
    }

    /** Options without a replay, for the default experiment. */
    public StartOptions(String language, Theme theme, Path dataDir, String lesson, Path snapshotOut,
                        Integer epochs, boolean exitAfterShow) {
        this(language, theme, dataDir, lesson, snapshotOut, epochs, exitAfterShow, null, null);
    }
}
