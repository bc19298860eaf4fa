package classlab.cli;

import classlab.ui.fx.Messages;

/**
 * A bad command line: printed as one line on stderr, exit code 2, in the command's language
 * ({@code --lang}, see {@link ClassLabCli#errorLanguage}). The message is a key of
 * {@code /i18n/cli_<lang>.properties} with its arguments, rendered when printed; or, for a
 * lesson's own message that is already in the command's language, that text as it is.
 */
public final class UsageException extends Exception {
    private final String key;
    private final Object[] args;
    private final String text;

    /** @param key a key of the {@code cli} bundle ({@code cli.…}); {@code args} fill its {@code {0}}, {@code {1}}, … */
    public UsageException(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args.clone();
        this.text = null;
    }

    private UsageException(String text) {
        super(text);
        this.key = null;
        this.args = new Object[0];
        this.text = text;
    }

    /** A message already written in the command's language (a lesson's refusal of a setting, a data error). */
    static UsageException told(String text) {
        return new UsageException(text);
    }

    /** The message in {@code language} ({@code ko} or {@code en}). */
    public String message(String language) {
        return text != null ? text : new Messages(language, "cli").format(key, args);
    }

    @Override
    public String getMessage() { return message("en"); }
}
