package io.ssm4j.datasets.io;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the seed inputs of {@link Hdf5FuzzTest}: the NWB fixture of {@link NwbFixture}, and a plain HDF5 file
 * with a chunked, shuffled and deflated dataset, an unsigned dataset and a scalar. Run from the module
 * directory: {@code java -cp <test classpath> io.ssm4j.datasets.io.Hdf5FuzzSeeds}.
 */
final class Hdf5FuzzSeeds {
    private Hdf5FuzzSeeds() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of("src/test/resources/io/ssm4j/datasets/io/Hdf5FuzzTestInputs/readEverything");
        Files.createDirectories(dir);
        new NwbFixture().write(dir.resolve("nwb_fixture.nwb"));
        try (WritableHdfFile f = HdfFile.write(dir.resolve("chunked_deflate.h5"))) {
            double[][] values = new double[8][3];
            for (int t = 0; t < 8; t++) for (int d = 0; d < 3; d++) values[t][d] = t - 0.5 * d;
            f.putGroup("g").putDataset("x", values,
                    DatasetCreationOptions.builder().chunkDimensions(4, 3).shuffle().deflate(4).build());
            f.putDataset("u", new int[] {1, 2, 65535}, DatasetCreationOptions.builder().unsigned().build());
            f.putDataset("s", 3.5);
        }
    }
}
