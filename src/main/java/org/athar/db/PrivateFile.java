package org.athar.db;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file that only its owner may read (a password file, a backup holding password hashes), beside its final
 * name first and then moved over it in one step, so that a reader never sees it half-written.
 */
public final class PrivateFile {

    private PrivateFile() {
    }

    @FunctionalInterface
    public interface Content<T> {
        T writeTo(OutputStream out) throws Exception;
    }

    public static <T> T write(Path file, Content<T> content) throws Exception {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        T result;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
            result = content.writeTo(out);
        }
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return result;
    }

    /** The same for a text. */
    public static void write(Path file, String text) throws IOException {
        try {
            write(file, out -> {
                out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return null;
            });
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
