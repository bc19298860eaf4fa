package classlab.app;

import classlab.cli.ClassLabCli;

/**
 * The main class. Not an {@code Application} subclass: with JavaFX on the class path (as in
 * {@code java -jar}), launching a subclass directly fails with "JavaFX runtime components are
 * missing". No arguments start the app; anything else is a command-line command.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        String[] command = args.length == 0 ? new String[] {"app"} : args;
        // Exit explicitly: ND4J keeps non-daemon threads that would otherwise hold the JVM open.
        System.exit(ClassLabCli.execute(command, System.out, System.err));
    }
}
