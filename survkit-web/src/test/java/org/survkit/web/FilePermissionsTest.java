package org.survkit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Patients' data are the server user's alone (POSIX): the data folder and every folder in it {@code 0700}, every
 * file {@code 0600}, the H2 database's included, also when the data folder existed with wider permissions and
 * after uploads, saves, a restored dataset and a report.
 */
class FilePermissionsTest {
    @TempDir
    Path dir;

    @Test
    void theDataFolderIsTheUsersAlone() throws IOException {
        assumeTrue(PrivateFiles.POSIX, "file permissions test skipped: not a POSIX file system");
        Path data = Files.createDirectories(dir.resolve("data"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (TestServer s = new TestServer(data)) {
            String id = s.upload(TestServer.LUNG).json().get("id").asText();
            String study = s.postJson("/api/studies", "{\"name\":\"Lung\",\"dataset\":\"" + id + "\",\"settings\":"
                    + CrashRecoveryTest.SETTINGS + "}").json().get("id").asText();
            PrivateFiles.delete(data.resolve("datasets").resolve(id)); // restored from the database on use
            assertThat(s.get("/api/studies/" + study + "/report").status()).isEqualTo(200);
            assertThat(modes(data)).containsEntry(".", "rwx------").containsEntry("survkit.mv.db", "rw-------")
                    .containsEntry("datasets/" + id + "/lung.csv", "rw-------").containsEntry("datasets", "rwx------")
                    .containsEntry("tmp", "rwx------");
            assertThat(wrongModes(data)).isEmpty();
        }
        assertThat(wrongModes(data)).as("after the database is closed").isEmpty();
    }

    @Test
    void aSharedFolderWithOtherFilesIsRefusedAndLeftAsItWas() throws IOException {
        assumeTrue(PrivateFiles.POSIX, "file permissions test skipped: not a POSIX file system");
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(shared.resolve("notes.txt"), "someone else's");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TestServer(shared))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the data folder " + shared + " may be read by other users (mode rwxr-xr-x) and holds"
                        + " other files (notes.txt), so survkit will not change its permissions. Give --data-dir a new"
                        + " or empty folder, or make this one private (chmod 700).");
        assertThat(modes(shared)).containsExactly(java.util.Map.entry(".", "rwxr-xr-x"),
                java.util.Map.entry("notes.txt", "rw-r--r--"));
    }

    /** {@return path → mode of the folder and everything in it} */
    static java.util.Map<String, String> modes(Path root) throws IOException {
        java.util.Map<String, String> m = new java.util.TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                String rel = root.relativize(p).toString();
                m.put(rel.isEmpty() ? "." : rel, PosixFilePermissions.toString(Files.getPosixFilePermissions(p,
                        LinkOption.NOFOLLOW_LINKS)));
            }
        }
        return m;
    }

    /** {@return the folders not 0700 and the files not 0600} */
    static List<String> wrongModes(Path root) throws IOException {
        List<String> wrong = new ArrayList<>();
        for (java.util.Map.Entry<String, String> e : modes(root).entrySet()) {
            boolean folder = Files.isDirectory(root.resolve(e.getKey()), LinkOption.NOFOLLOW_LINKS);
            if (!e.getValue().equals(folder ? "rwx------" : "rw-------")) {
                wrong.add(e.getKey() + " " + e.getValue());
            }
        }
        return wrong;
    }
}
