package classlab.core.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where ClassLab keeps its data sets. Resolution order: an explicit override (the CLI's
 * {@code --data-dir}), then the environment variable {@value #ENV_VAR}, then the per-user cache
 * folder of the operating system:
 * <ul>
 *   <li>Linux and others: {@code $XDG_CACHE_HOME/classlab}, or {@code ~/.cache/classlab}</li>
 *   <li>macOS: {@code ~/Library/Caches/ClassLab}</li>
 *   <li>Windows: {@code %LOCALAPPDATA%\ClassLab}, or {@code ~\AppData\Local\ClassLab}</li>
 * </ul>
 *
 * @param dataDir the data folder (it need not exist yet); absolute unless the home folder given was relative
 * @param origin  which rule chose it (for messages such as "using data folder X from CLASSLAB_DATA_DIR")
 */
public record DataCache(Path dataDir, Origin origin) {
    /** Environment variable that points ClassLab at a data folder. */
    public static final String ENV_VAR = "CLASSLAB_DATA_DIR";

    /** Which rule chose the data folder. */
    public enum Origin { OVERRIDE, ENVIRONMENT, DEFAULT }

    /** Resolves with this process's environment, {@code user.home} and {@code os.name}. */
    public static DataCache resolve(String overrideOrNull) {
        return resolve(overrideOrNull, System.getenv(), Path.of(System.getProperty("user.home")),
                System.getProperty("os.name"));
    }

    /**
     * Resolves with an explicit environment, home folder and OS name (for tests). Blank values of the
     * override and the environment variables count as unset.
     */
    public static DataCache resolve(String overrideOrNull, Map<String, String> env, Path home, String osName) {
        if (!isBlank(overrideOrNull)) {
            return new DataCache(Path.of(overrideOrNull.trim()).toAbsolutePath(), Origin.OVERRIDE);
        }
        String fromEnv = env.get(ENV_VAR);
        if (!isBlank(fromEnv)) {
            return new DataCache(Path.of(fromEnv.trim()).toAbsolutePath(), Origin.ENVIRONMENT);
        }
        return new DataCache(defaultDir(env, home, osName), Origin.DEFAULT);
    }

    /**
     * The MNIST folder: {@code <dataDir>/mnist}, except when the data folder itself holds MNIST files
     * and that subfolder holds none (so {@code --data-dir} may point straight at a folder of the four
     * files, such as mnist-mini, even after an earlier attempt created an empty {@code mnist/}).
     */
    public Path mnistDir() {
        Path sub = dataDir.resolve("mnist");
        if (!(Files.isDirectory(sub) && MnistFiles.anyPresent(sub)) && MnistFiles.anyPresent(dataDir)) {
            return dataDir;
        }
        return sub;
    }

    /**
     * The CIFAR-10 folder: {@code <dataDir>/cifar-10}, except when the data folder itself already holds the
     * CIFAR-10 archive or batch files and has no {@code cifar-10} subfolder (so {@code --data-dir} may point
     * straight at a folder with {@code cifar-10-binary.tar.gz} or at the extracted {@code cifar-10-batches-bin}).
     */
    public Path cifarDir() {
        return cifarDir(dataDir);
    }

    /** {@link #cifarDir()} for any data folder. */
    public static Path cifarDir(Path dataDir) {
        Path sub = dataDir.resolve("cifar-10");
        if (!Files.isDirectory(sub) && CifarFiles.find(dataDir) != null) {
            return dataDir;
        }
        return sub;
    }

    /**
     * The per-user cache folder of the operating system (the list above), whatever {@value #ENV_VAR} says:
     * for what belongs to this user and machine rather than to a data folder (the launcher's class-data archive).
     */
    public static Path userCacheDir() {
        return defaultDir(System.getenv(), Path.of(System.getProperty("user.home")), System.getProperty("os.name"));
    }

    private static Path defaultDir(Map<String, String> env, Path home, String osName) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String localAppData = env.get("LOCALAPPDATA");
            Path base = isBlank(localAppData) ? home.resolve("AppData").resolve("Local") : Path.of(localAppData);
            return base.resolve("ClassLab");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Caches").resolve("ClassLab");
        }
        // XDG Base Directory spec: a relative XDG_CACHE_HOME is invalid and must be ignored.
        String xdg = env.get("XDG_CACHE_HOME");
        if (!isBlank(xdg) && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve("classlab");
        }
        return home.resolve(".cache").resolve("classlab");
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
