package io.ssm4j.tests;

import io.ssm4j.data.NdArray;
import io.ssm4j.datasets.io.Npy;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared/peers (system property ssm4j.shared, set by the build) and skips when it is absent. */
final class SharedPeers {
    private SharedPeers() {}

    static Path root() {
        Path shared = Path.of(System.getProperty("ssm4j.shared", "../shared"));
        Path peers = shared.resolve("peers");
        Assumptions.assumeTrue(Files.isDirectory(peers), "shared peer data not found at " + peers.toAbsolutePath()
                + "; skipping the comparison with the Python peers");
        return peers;
    }

    static NdArray data(String dataset, String file) throws IOException {
        return Npy.read(root().resolve("data").resolve(dataset).resolve(file + ".npy"));
    }

    static NdArray result(String task, String file) throws IOException {
        return Npy.read(root().resolve("results").resolve(task).resolve(file + ".npy"));
    }
}
