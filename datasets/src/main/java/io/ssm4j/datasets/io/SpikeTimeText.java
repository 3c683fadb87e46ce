package io.ssm4j.datasets.io;

import io.ssm4j.datasets.spikes.SpikeTrains;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Reads spike times from text, one spike per line: {@code neuron time}, the two fields separated by whitespace,
 * a comma or a tab (the layout of PP-Seq's {@code songbird_spikes.txt}, Williams et al. 2020, and of most sorter
 * exports). Neuron ids are integers, possibly written as floats with a zero fraction ({@code 1.0}); times are
 * finite seconds in any order. A {@code #} starts a comment to the end of the line, blank lines are skipped, and the
 * first content line may be a header (a line none of whose fields is a number). The text is UTF-8. Anything else is a
 * {@link FileFormatException} naming the file and the line number.
 *
 * <p>{@link #read(Path)} makes one train per distinct id, in increasing id order, labelled by the id;
 * {@link #read(Path, int, int)} makes one train per id of a given range, so neurons that never fire keep their
 * place.
 */
public final class SpikeTimeText {
    private SpikeTimeText() {
    }

    /** One train per id that occurs in the file, in increasing id order. */
    public static SpikeTrains read(Path path) throws IOException {
        TreeMap<Integer, List<Double>> byId = parse(path, Integer.MIN_VALUE, Integer.MAX_VALUE);
        return trains(byId.keySet().stream().toList(), byId);
    }

    /**
     * One train per id in [firstId, lastId] (those without spikes are empty), in id order.
     *
     * @throws FileFormatException also if a line names an id outside the range
     */
    public static SpikeTrains read(Path path, int firstId, int lastId) throws IOException {
        if (lastId < firstId) throw new IllegalArgumentException("neuron id range [" + firstId + ", " + lastId + "] is empty");
        if ((long) lastId - firstId >= 1 << 24) throw new IllegalArgumentException("neuron id range [" + firstId + ", "
                + lastId + "] is too wide");
        List<Integer> ids = new ArrayList<>();
        for (long id = firstId; id <= lastId; id++) ids.add((int) id);
        return trains(ids, parse(path, firstId, lastId));
    }

    private static SpikeTrains trains(List<Integer> ids, TreeMap<Integer, List<Double>> byId) {
        List<String> labels = new ArrayList<>(ids.size());
        List<double[]> times = new ArrayList<>(ids.size());
        for (int id : ids) {
            labels.add(Integer.toString(id));
            times.add(byId.getOrDefault(id, List.of()).stream().mapToDouble(Double::doubleValue).toArray());
        }
        return SpikeTrains.of(labels, times);
    }

    private static TreeMap<Integer, List<Double>> parse(Path path, int firstId, int lastId) throws IOException {
        String source = path.toString();
        TreeMap<Integer, List<Double>> byId = new TreeMap<>();
        boolean content = false;
        int lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                int hash = line.indexOf('#');
                String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (lineNumber == 1 && text.startsWith("\uFEFF")) text = text.substring(1).strip();
                if (text.isEmpty()) continue;
                String[] fields = text.split("[\\s,]+");
                boolean header = !content && Arrays.stream(fields).noneMatch(SpikeTimeText::isNumber);
                content = true;
                if (header) continue;
                String where = "line " + lineNumber;
                if (fields.length != 2) {
                    throw FileFormatException.of(source, where, "has " + fields.length + " fields, expected 2: neuron time");
                }
                int id = neuronId(fields[0], source, where);
                if (id < firstId || id > lastId) {
                    throw FileFormatException.of(source, where, "neuron id " + id + " outside [" + firstId + ", " + lastId + "]");
                }
                double t = number(fields[1], source, where, "time");
                if (!Double.isFinite(t)) throw FileFormatException.of(source, where, "time " + fields[1] + " is not finite");
                byId.computeIfAbsent(id, k -> new ArrayList<>()).add(t);
            }
        } catch (CharacterCodingException e) {
            throw new FileFormatException(source + ": line " + (lineNumber + 1) + " or a later one: bytes that are not "
                    + "UTF-8 text (" + e.getMessage() + ")", e);
        }
        if (byId.isEmpty()) throw FileFormatException.of(source, "contents", "no spikes (lines of: neuron time)");
        return byId;
    }

    private static int neuronId(String field, String source, String where) throws FileFormatException {
        double v = number(field, source, where, "neuron id");
        if (v != Math.rint(v) || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw FileFormatException.of(source, where, "neuron id '" + field + "' is not an integer");
        }
        return (int) v;
    }

    private static double number(String field, String source, String where, String what) throws FileFormatException {
        try {
            return Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw FileFormatException.of(source, where, what + " '" + field + "' is not a number");
        }
    }

    private static boolean isNumber(String field) {
        try {
            Double.parseDouble(field);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
