package org.survkit.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code survkit serve} in its own JVM, as a user runs it ({@code org.survkit.cli.Main serve}, with this test's
 * class path), on a free port, with the test token in {@code SURVKIT_TOKEN}: for what only another process can
 * show, a {@code kill -9} ({@link #kill()}: {@link Process#destroyForcibly()}, SIGKILL on Linux) and a small heap.
 * Its standard error goes to {@code server.log} next to the data folder.
 */
final class ServerProcess extends ApiClient implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("is serving on http://127\\.0\\.0\\.1:(\\d+)/");

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts a server and waits until it listens.
     *
     * @param dataDir    its data folder
     * @param jvmOptions e.g. {@code -Xmx512m}
     * @param serveArgs  more options of {@code serve}, e.g. {@code --db URL}
     */
    static ServerProcess start(Path dataDir, List<String> jvmOptions, List<String> serveArgs) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", classPath(), "org.survkit.cli.Main", "serve", "--port", "0", "--no-browser",
                "--data-dir", dataDir.toString()));
        cmd.addAll(serveArgs);
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-server.log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("SURVKIT_TOKEN", TOKEN);
        try {
            Process p = pb.start();
            CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> awaitPort(p));
            try {
                return new ServerProcess(p, port.get(90, TimeUnit.SECONDS), log);
            } catch (Exception e) {
                p.destroyForcibly();
                throw new IllegalStateException("survkit serve did not start: " + e + "\n" + read(log), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int awaitPort(Process p) {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = out.readLine()) != null) {
                Matcher m = SERVING.matcher(line);
                if (m.find()) {
                    int port = Integer.parseInt(m.group(1));
                    // keep reading what it prints, so that it never blocks on a full pipe
                    Thread t = new Thread(() -> {
                        try {
                            out.transferTo(java.io.Writer.nullWriter());
                        } catch (IOException e) {
                            // the process ended
                        }
                    });
                    t.setDaemon(true);
                    t.start();
                    return port;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("survkit serve ended before it listened (exit " + p.exitValue() + ")");
    }

    /** {@return the test JVM's class path: survkit's modules and their dependencies} */
    static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    int port() {
        return port;
    }

    /** {@return what the server wrote to standard error} */
    String log() {
        return read(log);
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Kills the server at once (SIGKILL): no shutdown hook, no flush, as a crash or a power cut of the JVM. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("survkit serve did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
