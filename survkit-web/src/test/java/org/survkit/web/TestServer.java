package org.survkit.web;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.survkit.cli.Main;
import picocli.CommandLine;

/** A server on a loopback ephemeral port with a temporary data folder, and a small HTTP client for it. */
final class TestServer extends ApiClient implements AutoCloseable {
    static final String TOKEN = ApiClient.TOKEN;
    static final Path LUNG = Path.of("..", "examples", "lung", "lung.csv").toAbsolutePath().normalize();

    final WebServer server;
    final Path dataDir;

    TestServer(Path dataDir) {
        this(ServerSettings.loopback(dataDir, TOKEN));
    }

    TestServer(ServerSettings settings) {
        this.dataDir = settings.dataDir();
        this.server = WebServer.start(settings);
    }

    TestServer(ServerSettings settings, HeapBudget heap) {
        this.dataDir = settings.dataDir();
        this.server = WebServer.start(settings, heap);
    }

    @Override
    int port() {
        return server.port();
    }

    /**
     * The CLI run in-process, as a user would run it in the data file's folder ({@code survkit km lung.csv ...}):
     * {@return standard output} (asserts exit 0). In-process the file is given by its absolute path, which the
     * CLI's "source" repeats; that folder prefix is removed, leaving the file name as in the user's run.
     */
    static String cli(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        if (status != 0) {
            throw new AssertionError("CLI exit " + status + ": " + err);
        }
        return out.toString().replace(LUNG.getParent().toString() + java.io.File.separator, "");
    }

    /** The CLI on a file outside the examples folder: {@return its output with that file's folder removed} */
    static String cliIn(Path file, String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.add(1, file.toString());
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(a.toArray(new String[0]));
        if (status != 0) {
            throw new AssertionError("CLI exit " + status + ": " + err);
        }
        return out.toString().replace(file.getParent().toString() + java.io.File.separator, "");
    }

    static List<String> list(String... s) {
        return new ArrayList<>(List.of(s));
    }

    @Override
    public void close() {
        server.close();
    }
}
