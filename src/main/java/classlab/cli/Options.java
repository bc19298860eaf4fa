package classlab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsed {@code --name value} options and positional arguments of one command. Repeatable
 * options ({@code --set}) keep every value. Unknown options are rejected with their name.
 */
final class Options {
    final List<String> positional = new ArrayList<>();
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    static Options parse(List<String> args, Set<String> valued, Set<String> flags) throws UsageException {
        Options o = new Options();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                String name = a.substring(2);
                String inline = null;
                int eq = name.indexOf('=');
                if (eq >= 0 && valued.contains(name.substring(0, eq))) {
                    inline = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flags.contains(name)) {
                    o.values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
                } else if (valued.contains(name)) {
                    String v = inline;
                    if (v == null) {
                        if (i + 1 >= args.size()) throw new UsageException("cli.option_needs_value", name);
                        v = args.get(++i);
                    }
                    o.values.computeIfAbsent(name, k -> new ArrayList<>()).add(v);
                } else {
                    throw new UsageException("cli.unknown_option", name);
                }
            } else {
                o.positional.add(a);
            }
        }
        return o;
    }

    String get(String name) {
        List<String> v = values.get(name);
        return v == null ? null : v.get(v.size() - 1);
    }

    List<String> all(String name) { return values.getOrDefault(name, List.of()); }

    boolean has(String name) { return values.containsKey(name); }

    /**
     * The folder that option {@code --name} names. A path that does not exist, or is a file, is a usage
     * error: a mistyped {@code --data-dir} must not become a new empty folder and a download attempt.
     */
    java.nio.file.Path existingFolder(String name) throws UsageException {
        java.nio.file.Path p = java.nio.file.Path.of(get(name));
        if (java.nio.file.Files.isDirectory(p)) return p;
        throw new UsageException(java.nio.file.Files.exists(p) ? "cli.folder_is_file" : "cli.folder_missing", name, p.toAbsolutePath());
    }

    int positiveInt(String name) throws UsageException {
        String v = get(name);
        try {
            int n = Integer.parseInt(v);
            if (n <= 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("cli.positive_int", name, v);
        }
    }

    long longValue(String name) throws UsageException {
        String v = get(name);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException("cli.whole_number", name, v);
        }
    }
}
