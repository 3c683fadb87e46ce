package io.ssm4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * {@code fit} and {@code infer} write the LDS figures (latents, latent plane, 3-D pairs for D >= 3, observations
 * with the predicted mean, flow field; fit also the objective) as decodable PNGs, and none with {@code --no-figures}.
 */
class LdsFiguresCommandLineTest {
    @TempDir static Path dir;

    private static Set<String> pngs(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            Set<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".png")).collect(Collectors.toSet());
            for (String n : names) assertNotNull(ImageIO.read(folder.resolve(n).toFile()), n + " does not decode");
            return names;
        }
    }

    @Test
    void gaussianLdsFitWritesEveryFigureAndThreePlanesForDThree() throws IOException {
        Path out = dir.resolve("lds");
        LdsCommandLineTest.run(0, "fit", "--model", "lds", "--latent-dim", "3", "--iters", "2", "--out", out.toString(),
                SimulatedFiles.lds(dir).toString());
        assertEquals(Set.of("objective.png", "latents_0.png", "latent_plane_0.png", "latent_pairs_0.png", "observations_0.png",
                "flow_field.png"), pngs(out));
    }

    @Test
    void poissonLdsInferWritesItsFiguresAndNoneWhenTold() throws IOException {
        Path counts = SimulatedFiles.poissonLds(dir), fit = dir.resolve("plds"), inf = dir.resolve("plds-inf"), none = dir.resolve("none");
        LdsCommandLineTest.run(0, "fit", "--model", "plds", "--latent-dim", "2", "--iters", "2", "--no-figures", "--out", fit.toString(),
                counts.toString());
        assertEquals(Set.of(), pngs(fit));
        LdsCommandLineTest.run(0, "infer", "--model", "plds", "--model-file", fit.resolve("model.json").toString(), "--out",
                inf.toString(), counts.toString());
        assertEquals(Set.of("latents_0.png", "latent_plane_0.png", "observations_0.png", "flow_field.png"), pngs(inf));
        LdsCommandLineTest.run(0, "infer", "--model", "plds", "--model-file", fit.resolve("model.json").toString(), "--no-figures",
                "--out", none.toString(), counts.toString());
        assertEquals(Set.of(), pngs(none));
    }
}
