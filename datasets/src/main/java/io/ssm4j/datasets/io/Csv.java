package io.ssm4j.datasets.io;

import io.ssm4j.data.NdArray;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes numeric tables as comma-separated text, one row per line.
 *
 * <p>Reading: a first row with any cell that is not a number is a header and is skipped. An empty cell
 * or {@code nan} (any case) is NaN; {@code inf}, {@code -inf}, {@code Infinity} are infinities. Cells may be
 * surrounded by spaces or double quotes, lines may end in CRLF, and blank lines at the start and end of the
 * file are ignored (a blank line inside the table is a row of one empty cell). Every row must have as many
 * cells as the first; the result is a rows x columns FLOAT64 array.
 *
 * <p>Writing: a 1-D array as one column, a 2-D array as rows, no header. Floating values are written with
 * {@link Double#toString(double)}, which gives enough digits that each cell parses back to exactly the same
 * double; integer and bool arrays are written as integers; NaN as {@code nan} and infinities as
 * {@code inf}/{@code -inf}, which numpy's {@code loadtxt} also reads.
 */
public final class Csv {
    private Csv() {
    }

    /** Reads a numeric table. */
    public static NdArray read(Path path) throws IOException {
        String source = path.toString();
        List<double[]> rows = new ArrayList<>();
        int columns = -1;
        int pendingBlank = 0;
        int lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
                if (line.isBlank()) {
                    if (columns >= 0) pendingBlank++;
                    continue;
                }
                for (; pendingBlank > 0; pendingBlank--) {
                    rows.add(parseRow("", lineNumber - pendingBlank, columns, source));
                }
                String[] cells = line.split(",", -1);
                if (columns < 0) {
                    columns = cells.length;
                    if (rows.isEmpty() && isHeader(cells)) continue;
                }
                rows.add(parseRow(cells, lineNumber, columns, source));
            }
        } catch (CharacterCodingException e) {
            throw new FileFormatException(source + ": line " + lineOfBadUtf8(path) + ": is not valid UTF-8 text", e);
        }
        if (rows.isEmpty()) throw FileFormatException.of(source, "table", "no data rows");
        double[] data = new double[rows.size() * columns];
        for (int r = 0; r < rows.size(); r++) System.arraycopy(rows.get(r), 0, data, r * columns, columns);
        return NdArray.of(data, rows.size(), columns);
    }

    /** The line holding the first byte that is not UTF-8 (the reader decodes ahead, so its count can't say). */
    private static long lineOfBadUtf8(Path path) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(path));
        CharBuffer chars = CharBuffer.allocate(4096);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        while (!decoder.decode(bytes, chars, true).isError() && bytes.hasRemaining()) chars.clear();
        long line = 1;
        for (int i = 0; i < bytes.position(); i++) if (bytes.get(i) == '\n') line++;
        return line;
    }

    private static double[] parseRow(String line, int lineNumber, int columns, String source) throws FileFormatException {
        return parseRow(line.split(",", -1), lineNumber, columns, source);
    }

    private static double[] parseRow(String[] cells, int lineNumber, int columns, String source)
            throws FileFormatException {
        if (cells.length != columns) {
            throw FileFormatException.of(source, "line " + lineNumber, "has " + cells.length + " cells, expected "
                    + columns + " like the first row");
        }
        double[] row = new double[columns];
        for (int c = 0; c < columns; c++) {
            String cell = unquote(cells[c]);
            double v = parseCell(cell);
            if (v != v && !isNaNCell(cell)) {
                throw FileFormatException.of(source, "line " + lineNumber + ", column " + (c + 1),
                        "'" + cell + "' is not a number");
            }
            row[c] = v;
        }
        return row;
    }

    private static boolean isHeader(String[] cells) {
        for (String raw : cells) {
            String cell = unquote(raw);
            double v = parseCell(cell);
            if (v != v && !isNaNCell(cell)) return true;
        }
        return false;
    }

    private static String unquote(String cell) {
        String s = cell.strip();
        if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') s = s.substring(1, s.length() - 1).strip();
        return s;
    }

    private static boolean isNaNCell(String cell) {
        return cell.isEmpty() || cell.equalsIgnoreCase("nan") || cell.equalsIgnoreCase("+nan")
                || cell.equalsIgnoreCase("-nan");
    }

    /** The cell's value; NaN both for a NaN cell and for text that is not a number (told apart by the caller). */
    private static double parseCell(String cell) {
        if (cell.isEmpty()) return Double.NaN;
        char last = cell.charAt(cell.length() - 1);
        if (!(Character.isDigit(last) || last == '.')) {
            String lower = cell.toLowerCase();
            return switch (lower) {
                case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
                case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
                default -> Double.NaN;
            };
        }
        char first = cell.charAt(0);
        if (!(Character.isDigit(first) || first == '.' || first == '-' || first == '+')) return Double.NaN;
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Writes a 1-D array as one column or a 2-D array as rows, atomically: on failure nothing is left at
     * {@code path}.
     *
     * @throws IllegalArgumentException if the array is not 1-D or 2-D
     */
    public static void write(Path path, NdArray array) throws IOException {
        if (array.ndim() != 1 && array.ndim() != 2) {
            throw new IllegalArgumentException("array: CSV holds 1-D or 2-D arrays, got shape "
                    + NpyHeader.shapeRepr(array.shape()));
        }
        int rows = array.dim(0);
        int cols = array.ndim() == 2 ? array.dim(1) : 1;
        boolean integral = array.dtype() != NdArray.DType.FLOAT64 && array.dtype() != NdArray.DType.FLOAT32;
        double[] data = array.dataView();
        AtomicFile.write(path, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            StringBuilder line = new StringBuilder();
            for (int r = 0; r < rows; r++) {
                line.setLength(0);
                for (int c = 0; c < cols; c++) {
                    if (c > 0) line.append(',');
                    appendCell(line, data[r * cols + c], integral);
                }
                line.append('\n');
                w.append(line);
            }
            w.flush();
        });
    }

    private static void appendCell(StringBuilder sb, double v, boolean integral) {
        if (Double.isNaN(v)) sb.append("nan");
        else if (v == Double.POSITIVE_INFINITY) sb.append("inf");
        else if (v == Double.NEGATIVE_INFINITY) sb.append("-inf");
        else if (integral && v == Math.rint(v) && Math.abs(v) < 0x1p63) sb.append((long) v);
        else sb.append(v);
    }
}
