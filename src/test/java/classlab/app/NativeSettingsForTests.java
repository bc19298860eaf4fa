package classlab.app;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives the test JVM the native settings the app runs with ({@link NativeSettings#apply()}),
 * before any test class loads JavaCPP or ND4J: the tests exercise the libnd4j build and the
 * helpers that users get. Registered in {@code META-INF/services}.
 */
public class NativeSettingsForTests implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        NativeSettings.apply();
    }
}
