package classlab.ui.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * "Open folder": shows a folder in the system's file manager. On Linux and the other Unix desktops it runs
 * {@code xdg-open FOLDER} (freedesktop.org's opener) and reports when that cannot start or ends with an error:
 * JavaFX's {@code HostServices.showDocument} looks for a web browser there and, finding none, only prints
 * "No web browser found" on the terminal, so the button seemed to do nothing (trial). On Windows and macOS,
 * where {@code HostServices} hands the folder to the system, it is used as it is.
 */
final class FolderOpener implements Consumer<Path> {
    /** How long the opener may run before it is taken as started (some stay until the file manager closes). */
    static final long WAIT_MS = 5_000;

    private final List<String> opener;
    private final Consumer<Path> system;
    private final Failure failed;

    /** Hears why a folder could not be opened. */
    interface Failure {
        /**
         * @param folder   the folder
         * @param opener   the opener's command ({@code xdg-open})
         * @param exitCode what the opener ended with, or null when it could not be run (not installed)
         */
        void notOpened(Path folder, String opener, Integer exitCode);
    }

    /**
     * @param opener the command that opens a folder given after it ({@code xdg-open}), or null to use {@code system}
     * @param system how the platform opens a folder (HostServices)
     * @param failed hears, on the opener's thread, a folder that could not be opened and why
     */
    FolderOpener(List<String> opener, Consumer<Path> system, Failure failed) {
        this.opener = opener;
        this.system = system;
        this.failed = failed;
    }

    /** The opener for this system: {@code xdg-open} unless on Windows or macOS. */
    static List<String> systemOpener(String osName) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        return os.startsWith("windows") || os.startsWith("mac") ? null : List.of("xdg-open");
    }

    @Override
    public void accept(Path folder) {
        if (opener == null) {
            system.accept(folder);
            return;
        }
        List<String> command = new ArrayList<>(opener);
        command.add(folder.toAbsolutePath().toString());
        Thread t = new Thread(() -> {
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor(WAIT_MS, TimeUnit.MILLISECONDS) && p.exitValue() != 0) {
                    failed.notOpened(folder, String.join(" ", opener), p.exitValue());
                }
            } catch (IOException e) {
                failed.notOpened(folder, String.join(" ", opener), null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "classlab-open-folder");
        t.setDaemon(true);
        t.start();
    }
}
