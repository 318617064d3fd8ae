package org.survkit.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data folder holds patients' data, so everything in it is the server user's alone and written so that an
 * acknowledged write survives a crash. On POSIX systems folders are created {@code 0700} and files {@code 0600}
 * (set when they are created, not changed afterwards, so there is no moment when others may read them).
 * Durable writes: a file is written under a temporary name, forced to the disk ({@code fsync}), moved into place
 * atomically, and its folder forced, before anyone is told it is saved. On other systems the permissions are
 * left to the system; the durability steps are the same.
 */
final class PrivateFiles {
    static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Creates a folder and its missing parents as {@code 0700}; an existing folder is made {@code 0700}. */
    static Path folder(Path dir) {
        try {
            Path abs = dir.toAbsolutePath();
            if (Files.isDirectory(abs)) {
                restrict(abs, FOLDER);
                return dir;
            }
            Path parent = abs.getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                folder(parent);
            }
            if (POSIX) {
                Files.createDirectory(abs, PosixFilePermissions.asFileAttribute(FOLDER));
                restrict(abs, FOLDER); // the umask may have taken bits away, never added: this is exact
            } else {
                Files.createDirectory(abs);
            }
            return dir;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return dir; // made by another thread meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What survkit keeps in its data folder: an existing folder holding only these may be made private. */
    private static final Set<String> OWN_ENTRIES = Set.of("datasets", "tmp", "reports", "survkit.mv.db",
            "survkit.trace.db", "survkit.lock.db", "survkit.compacted");

    /**
     * Prepares the data folder: created {@code 0700} when missing; an existing one that others may read is made
     * {@code 0700} when it is empty or holds only survkit's own entries, and refused otherwise (it is someone's
     * folder with other files, such as a home folder or {@code /tmp}, whose permissions survkit must not change).
     *
     * @throws IllegalStateException with the sentence for the user when the folder cannot be made private
     */
    static Path dataFolder(Path dir) {
        try {
            if (POSIX && Files.isDirectory(dir)) {
                Set<PosixFilePermission> now = Files.getPosixFilePermissions(dir);
                if (!now.equals(FOLDER)) {
                    List<String> others;
                    try (Stream<Path> s = Files.list(dir)) {
                        others = s.map(p -> p.getFileName().toString()).filter(n -> !OWN_ENTRIES.contains(n))
                                .sorted().limit(3).toList();
                    }
                    if (!others.isEmpty()) {
                        throw new IllegalStateException("the data folder " + dir + " may be read by other users"
                                + " (mode " + PosixFilePermissions.toString(now) + ") and holds other files ("
                                + String.join(", ", others) + "), so survkit will not change its permissions."
                                + " Give --data-dir a new or empty folder, or make this one private (chmod 700).");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder(dir);
    }

    /** Sets a file's or folder's permissions (POSIX only). */
    static void restrict(Path p, Set<PosixFilePermission> permissions) throws IOException {
        if (POSIX && !Files.isSymbolicLink(p)
                && !Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS).equals(permissions)) {
            Files.setPosixFilePermissions(p, permissions);
        }
    }

    /** Makes every file directly in {@code dir} whose name starts with {@code prefix} {@code 0600}. */
    static void restrictFiles(Path dir, String prefix) {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    restrict(p, FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return a new file, {@code 0600} from its creation, open for writing (fails if it exists)} */
    static OutputStream create(Path file) throws IOException {
        if (POSIX) {
            FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(FILE);
            return java.nio.channels.Channels.newOutputStream(Files.newByteChannel(file, Set.of(
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), mode));
        }
        return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** Creates an empty {@code 0600} file if there is none (for files another library then opens). */
    static void touch(Path file) throws IOException {
        if (!Files.exists(file)) {
            try (OutputStream out = create(file)) {
                out.flush();
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // made meanwhile
            }
        }
    }

    /** Writes a new {@code 0600} text file (UTF-8). */
    static void writeString(Path file, String text) throws IOException {
        try (OutputStream out = create(file)) {
            out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Copies a file to a new {@code 0600} file. */
    static void copy(Path from, Path to) throws IOException {
        try (OutputStream out = create(to)) {
            Files.copy(from, out);
        }
    }

    /** Forces a file's content to the disk. */
    static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /**
     * Forces a folder's entries (a file created, renamed or deleted in it) to the disk. Linux and macOS allow
     * this; where a folder cannot be opened (Windows) the rename is already durable and nothing is done.
     */
    static void forceFolder(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            if (POSIX) {
                throw e;
            }
        }
    }

    /**
     * Moves a file or folder into place in one step (a reader sees the old or the new one, never a part), and
     * forces the target's folder, so that the move survives a crash.
     */
    static void moveIntoPlace(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceFolder(to.toAbsolutePath().getParent());
    }

    /** Deletes a file or a folder with everything in it; what cannot be deleted stays (it does no harm). */
    static void delete(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: a leftover is cleaned at the next start
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort
        }
    }
}
