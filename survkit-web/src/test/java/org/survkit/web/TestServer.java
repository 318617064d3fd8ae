package org.survkit.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.survkit.cli.Main;
import picocli.CommandLine;

/** A server on a loopback ephemeral port with a temporary data folder, and a small HTTP client for it. */
final class TestServer implements AutoCloseable {
    static final String TOKEN = "test-token-0123456789abcdef";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path LUNG = Path.of("..", "examples", "lung", "lung.csv").toAbsolutePath().normalize();

    final WebServer server;
    final Path dataDir;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    TestServer(Path dataDir) {
        this(ServerSettings.loopback(dataDir, TOKEN));
    }

    TestServer(ServerSettings settings) {
        this.dataDir = settings.dataDir();
        this.server = WebServer.start(settings);
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A response. */
    record Reply(int status, String body, byte[] bytes, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    Reply send(HttpRequest.Builder b) {
        try {
            HttpResponse<byte[]> r = http.send(b.timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + TOKEN);
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    Reply postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply putJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply delete(String path) {
        return send(request(path).DELETE());
    }

    Reply upload(String fileName, byte[] content) {
        return send(uploadRequest(request("/api/datasets"), fileName, content));
    }

    Reply upload(Path file) {
        try {
            return upload(file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpRequest.Builder uploadRequest(HttpRequest.Builder b, String fileName, byte[] content) {
        String boundary = "----survkitTestBoundary7MA4YWxkTrZu0gW";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    /** Sends a raw HTTP/1.1 request (to choose the Host header freely); {@return status line and the rest} */
    String raw(String requestHead) {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(20000);
            OutputStream out = s.getOutputStream();
            out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
