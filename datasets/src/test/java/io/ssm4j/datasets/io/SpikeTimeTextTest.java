package io.ssm4j.datasets.io;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.datasets.spikes.SpikeTrains;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spike-time text in the layouts found in the wild, and bad lines named by number. */
class SpikeTimeTextTest {
    @TempDir Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsEverySeparatorHeaderCommentAndFloatIds() throws IOException {
        Path p = file("s.txt", "# exported by a sorter\n"
                + "neuron,time\n"
                + "3.0\t0.25\n"
                + "1, 0.5   # a trailing comment\n"
                + "\n"
                + "3  0.125\n"
                + "1,0.0\r\n");
        SpikeTrains s = SpikeTimeText.read(p);
        assertEquals(List.of("1", "3"), s.labels(), "one train per id that occurs, in id order");
        assertArrayEquals(new double[] {0.0, 0.5}, s.timesView(0));
        assertArrayEquals(new double[] {0.125, 0.25}, s.timesView(1), "sorted");

        SpikeTrains ranged = SpikeTimeText.read(p, 0, 4);
        assertEquals(List.of("0", "1", "2", "3", "4"), ranged.labels());
        assertEquals(0, ranged.count(2), "a silent neuron keeps its place");
        assertEquals(2, ranged.count(3));
        String outside = assertThrows(FileFormatException.class, () -> SpikeTimeText.read(p, 1, 2)).getMessage();
        assertTrue(outside.contains("line 3") && outside.contains("neuron id 3 outside [1, 2]"), outside);
    }

    @Test
    void badLinesAreNamedByNumber() throws IOException {
        String[][] cases = {
                {"1 0.1\n2 0.2\n2 abc\n", "line 3", "time 'abc' is not a number"},
                {"1 0.1\n1.5 0.2\n", "line 2", "neuron id '1.5' is not an integer"},
                {"1 0.1\n\n# c\n1 0.2 7\n", "line 4", "has 3 fields, expected 2"},
                {"1 0.1\n2 Infinity\n", "line 2", "not finite"},
                {"1 0.1\n2 NaN\n", "line 2", "not finite"},
                {"id time\n1 0.1\nid time\n", "line 3", "neuron id 'id' is not a number"},
                {"1 x\n", "line 1", "time 'x' is not a number"},
                {"# nothing\nneuron time\n", "contents", "no spikes"},
        };
        for (String[] c : cases) {
            Path p = file("bad.txt", c[0]);
            String msg = assertThrows(FileFormatException.class, () -> SpikeTimeText.read(p), c[0]).getMessage();
            assertTrue(msg.startsWith(p + ": " + c[1] + ": ") && msg.contains(c[2]), msg);
        }
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, new byte[] {'1', ' ', '0', '\n', '2', ' ', '1', ' ', '#', ' ', (byte) 0xe9, '\n'});
        String msg = assertThrows(FileFormatException.class, () -> SpikeTimeText.read(latin1)).getMessage();
        assertTrue(msg.startsWith(latin1 + ": line 1 or a later one: ") && msg.contains("not UTF-8"), msg);
    }

    @Test
    void seriesFilesBinSpikeTimeTextAndReadMatVariables() throws IOException {
        Path p = file("spikes.txt", "0 1.05\n0 1.15\n2 1.99\n1 1.31\n");
        TimeSeries y = SeriesFiles.readTrials(p, new SeriesFiles.Options(null, 0.25)).get(0);
        // bins of 0.25 s aligned to multiples of the width: [1.0, 1.25), [1.25, 1.5), [1.5, 1.75), [1.75, 2.0)
        assertEquals(4, y.length());
        assertEquals(3, y.dim());
        assertArrayEquals(new double[] {2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1}, y.valuesView());
        String noWidth = assertThrows(FileFormatException.class, () -> SeriesFiles.readTrials(p)).getMessage();
        assertTrue(noWidth.contains("bin width"), noWidth);

        us.hebi.matlab.mat.types.Matrix row = us.hebi.matlab.mat.format.Mat5.newMatrix(1, 5);
        for (int i = 0; i < 5; i++) row.setDouble(i, i * i);
        Path mat = dir.resolve("y.mat");
        us.hebi.matlab.mat.format.Mat5.writeToFile(us.hebi.matlab.mat.format.Mat5.newMatFile().addArray("y", row)
                .addArray("note", us.hebi.matlab.mat.format.Mat5.newString("x")), mat.toFile());
        List<TimeSeries> t = SeriesFiles.readTrials(mat, SeriesFiles.Options.NONE);
        assertEquals(5, t.get(0).length(), "a 1 x T row vector is one trial of T steps");
        assertEquals(16.0, t.get(0).value(4, 0));
        String wrong = assertThrows(FileFormatException.class,
                () -> SeriesFiles.readTrials(mat, new SeriesFiles.Options("Y", null))).getMessage();
        assertTrue(wrong.contains("variable 'Y'"), wrong);
    }
}
