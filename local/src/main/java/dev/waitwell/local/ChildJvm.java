package dev.waitwell.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Spring Boot jar run in its own JVM with the same {@code java}, its output prefixed with its name so
 * the worker's and the API's lines can be told apart in one console.
 */
final class ChildJvm {

    private static final PrintStream OUT = System.out;

    private final String name;
    private final Process process;

    private ChildJvm(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    static ChildJvm start(String name, Path jar, Map<String, String> environment) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-jar", jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            ChildJvm child = new ChildJvm(name, builder.start());
            child.pumpOutput();
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + name, e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** Asks the JVM to shut down (SIGTERM: Spring closes gracefully), and kills it if that takes too long. */
    void stop(long timeoutSeconds) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                OUT.println("local  | the " + name + " did not stop within " + timeoutSeconds + "s, killing it");
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /**
     * Kills the JVM at once (SIGKILL), as a crash or the OOM killer would: no shutdown hook runs, work in hand
     * is dropped where it stands. Returns once the process is gone.
     */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the " + name + " survived SIGKILL for 30s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void pumpOutput() {
        String prefix = String.format("%-6s | ", name);
        Thread pump = new Thread(
                () -> {
                    try (BufferedReader lines = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = lines.readLine()) != null) {
                            OUT.println(prefix + line);
                        }
                    } catch (IOException e) {
                        // the process is gone; its exit is reported by whoever watches onExit()
                    }
                },
                name + "-output");
        pump.setDaemon(true);
        pump.start();
    }
}
