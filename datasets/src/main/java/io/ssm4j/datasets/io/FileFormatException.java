package io.ssm4j.datasets.io;

import java.io.IOException;

/**
 * A file that could be opened but whose contents do not follow its format: a bad magic string, a header
 * that cannot be parsed, an unsupported element type, fewer or more bytes than the header promises, or
 * an array whose shape does not fit what the caller asked for. The message names the file (or archive
 * entry), the field and the problem.
 */
public class FileFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** An exception with a complete message, which should already name the file. */
    public FileFormatException(String message) {
        super(message);
    }

    /** An exception with a complete message and the lower-level failure that caused it. */
    public FileFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * An exception whose message reads {@code "<source>: <field>: <problem>"}.
     *
     * @param source the file or archive entry, as the user would recognise it
     * @param field  the part of the file that is wrong, such as {@code "header field 'shape'"}
     * @param problem what is wrong with it
     */
    public static FileFormatException of(String source, String field, String problem) {
        return new FileFormatException(source + ": " + field + ": " + problem);
    }
}
