package io.ssm4j.cli;

import io.ssm4j.data.NdArray;
import io.ssm4j.datasets.io.Npz;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/** Reads an LDS-family {@code --init PARAMS.npz}, checking it against {@code --latent-dim} and naming the file in errors. */
final class LatentInitFile {
    private LatentInitFile() {}

    static <M> M load(Path init, Integer latentDim, Function<Map<String, NdArray>, M> parse, ToIntFunction<M> latentDimOf)
            throws IOException {
        Map<String, NdArray> params = Npz.read(init);
        try {
            M m = parse.apply(params);
            int d = latentDimOf.applyAsInt(m);
            if (latentDim != null && d != latentDim) {
                throw new IllegalArgumentException("--latent-dim " + latentDim + " but the parameters have D = " + d);
            }
            return m;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(init + ": " + e.getMessage(), e);
        }
    }
}
