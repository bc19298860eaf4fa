package classlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {
    private static final String JVM = "/opt/jdk 17.0.15+6";

    @TempDir Path tmp;

    @Test
    void aClassPathWithAFolderGetsNoArchive() throws IOException {
        Path jar = jar("app.jar", null);
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        assertNull(ClassDataArchive.of(tmp.resolve("cache"), jar + File.pathSeparator + classes, JVM, 1));
    }

    @Test
    void theArchiveIsNamedAfterTheJvmAndEveryJarItLoads() throws IOException {
        Path lib = jar("lib/dep.jar", null);
        Path app = jar("app.jar", "lib/dep.jar lib/another-platforms.jar");   // a jar not there is skipped, as the JVM does
        Path cache = tmp.resolve("cache");
        Path first = ClassDataArchive.of(cache, app.toString(), JVM, 1).archive();
        assertEquals(first, ClassDataArchive.of(cache, app.toString(), JVM, 2).archive(), "the same build and JVM: the same archive");
        assertNotEquals(first, ClassDataArchive.of(cache, app.toString(), "/opt/jdk 17.0.16+8", 1).archive(), "another JVM");
        Files.setLastModifiedTime(lib, FileTime.fromMillis(Files.getLastModifiedTime(lib).toMillis() - 60_000));
        assertNotEquals(first, ClassDataArchive.of(cache, app.toString(), JVM, 1).archive(), "a jar of the manifest's Class-Path changed");
    }

    @Test
    void aStartThatEndsNormallyLeavesTheArchiveForTheNextAndTheFolderKeepsTheThreeUsedLast() throws IOException {
        Path cache = tmp.resolve("cache");
        Path app = jar("app.jar", null);
        Files.createDirectories(cache);
        List<Path> others = new ArrayList<>();
        for (int i = 0; i < ClassDataArchive.KEPT; i++) {   // other JDKs' archives, the first used longest ago
            Path other = ClassDataArchive.of(cache, app.toString(), "/opt/jdk-" + i, 1).archive();
            Files.writeString(other, "an archive of another JVM");
            Files.setLastModifiedTime(other, FileTime.fromMillis(System.currentTimeMillis() - (10 - i) * 60_000L));
            others.add(other);
        }

        ClassDataArchive archive = ClassDataArchive.of(cache, app.toString(), JVM, 7);
        assertFalse(archive.ready());
        List<String> writing = archive.jvmOptions();
        Path pending = pendingFile(writing);
        assertTrue(writing.contains(ClassDataArchive.QUIET), writing.toString());
        Files.writeString(pending, "what the JVM wrote at its end");   // as -XX:ArchiveClassesAtExit does
        archive.childEnded(0, false);

        assertTrue(archive.ready());
        assertFalse(Files.exists(pending));
        assertFalse(Files.exists(others.get(0)), "the archive used longest ago is deleted");
        assertTrue(Files.exists(others.get(1)) && Files.exists(others.get(2)), "two more are kept (another installed build)");
        assertEquals(List.of(ClassDataArchive.QUIET, "-XX:SharedArchiveFile=" + archive.archive()), archive.jvmOptions());
        assertTrue(Files.getLastModifiedTime(archive.archive()).toMillis() > System.currentTimeMillis() - 60_000, "mapping marks it used");
    }

    @Test
    void aStartThatFailsLeavesNoArchiveAndACrashWithTheArchiveMappedDeletesIt() throws IOException {
        Path cache = tmp.resolve("cache");
        ClassDataArchive archive = ClassDataArchive.of(cache, jar("app.jar", null).toString(), JVM, 7);
        Path pending = pendingFile(archive.jvmOptions());
        Files.writeString(pending, "half an archive");
        archive.childEnded(1, false);
        assertFalse(Files.exists(pending));
        assertFalse(archive.ready(), "a JVM that did not end normally may have written half an archive (mapping one crashes)");

        Files.writeString(archive.archive(), "an archive");
        archive.childEnded(1, true);
        assertTrue(archive.ready(), "an ordinary failure keeps the archive");
        archive.childEnded(134, true);
        assertFalse(archive.ready(), "a JVM that crashed (SIGABRT after a fatal error) with the archive mapped deletes it");
    }

    /** A start while an earlier one still writes the archive (after its window closed) writes none; a dead writer's file does not count. */
    @Test
    void aStartWhileAnotherWritesTheArchiveWritesNone() throws Exception {
        Path cache = tmp.resolve("cache");
        Path app = jar("app.jar", null);
        ClassDataArchive archive = ClassDataArchive.of(cache, app.toString(), JVM, 7);
        Process ended = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version").start();
        ended.waitFor();
        Path deadWriters = ClassDataArchive.of(cache, app.toString(), JVM, ended.pid()).jvmOptions().stream()
                .filter(o -> o.startsWith("-XX:ArchiveClassesAtExit=")).map(o -> Path.of(o.substring(o.indexOf('=') + 1))).findFirst().orElseThrow();
        Files.writeString(deadWriters, "left by a launcher that was killed");
        assertTrue(pendingFile(archive.jvmOptions()) != null, "a writer that has ended does not hold the archive");

        Path livingWriters = ClassDataArchive.of(cache, app.toString(), JVM, ProcessHandle.current().pid()).jvmOptions().stream()
                .filter(o -> o.startsWith("-XX:ArchiveClassesAtExit=")).map(o -> Path.of(o.substring(o.indexOf('=') + 1))).findFirst().orElseThrow();
        Files.writeString(livingWriters, "being written");
        assertEquals(List.of(), archive.jvmOptions(), "another start still writes it");
    }

    /** The JDK's own round trip: the options write an archive at the JVM's end, and the next JVM loads its classes from it. */
    @Test
    void theNextJvmLoadsItsClassesFromTheArchive() throws Exception {
        Path jar = helloJar();
        ClassDataArchive archive = ClassDataArchive.of(tmp.resolve("cache"), jar.toString(), JVM, ProcessHandle.current().pid());
        archive.childEnded(java(archive.jvmOptions(), jar, List.of()).exitCode, false);
        assertTrue(archive.ready(), "the first JVM wrote the archive");

        Result second = java(archive.jvmOptions(), jar, List.of("-Xlog:class+load=info"));
        assertEquals(0, second.exitCode, second.output);
        assertTrue(second.output.lines().anyMatch(l -> l.contains(" Hello source: shared objects file (top)")), second.output);
        assertFalse(second.output.contains("[cds"), "the JVM's notes about the archive are off: " + second.output);
    }

    private record Result(int exitCode, String output) {}

    private Result java(List<String> options, Path jar, List<String> more) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(options);
        cmd.addAll(more);
        cmd.addAll(List.of("-cp", jar.toString(), "Hello"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), output);
    }

    private Path helloJar() throws IOException {
        Path source = Files.writeString(tmp.resolve("Hello.java"),
                "public class Hello { public static void main(String[] a) { System.out.println(\"hello\"); } }");
        Path classes = Files.createDirectories(tmp.resolve("hello-classes"));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString()));
        Path jar = tmp.resolve("hello.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest(null))) {
            out.putNextEntry(new JarEntry("Hello.class"));
            Files.copy(classes.resolve("Hello.class"), out);
            out.closeEntry();
        }
        return jar;
    }

    private Path jar(String name, String manifestClassPath) throws IOException {
        Path jar = tmp.resolve(name);
        Files.createDirectories(jar.getParent());
        try (OutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest(manifestClassPath))) {
            out.flush();
        }
        return jar;
    }

    private static Manifest manifest(String classPath) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        return manifest;
    }

    private static Path pendingFile(List<String> options) {
        String write = options.stream().filter(o -> o.startsWith("-XX:ArchiveClassesAtExit=")).findFirst().orElseThrow();
        return Path.of(write.substring("-XX:ArchiveClassesAtExit=".length()));
    }
}
