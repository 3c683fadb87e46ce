package io.ssm4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import static io.ssm4j.cli.CommandLineTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code fit --checkpoint-every N} and {@code fit --resume DIR} for every fit kind: HMM EM with restarts, HMM Gibbs,
 * LDS EM, LDS Gibbs and Poisson LDS Laplace-EM. Each fit is run once uninterrupted and once "killed" at its final write
 * (a folder blocks model.json), which leaves its last checkpoint; the resumed fit must write the uninterrupted fit's
 * objective trace and model.json parameters exactly, carry on the checkpointed trace (its first value is marked) and
 * remove the checkpoint.
 */
class ResumeCommandLineTest {
    @TempDir static Path dir;
    static Path hmmData, ldsData, countData;

    @BeforeAll
    static void simulate() throws IOException {
        hmmData = SimulatedFiles.hmmCounts(dir);
        ldsData = SimulatedFiles.lds(dir);
        countData = SimulatedFiles.poissonLds(dir);
    }

    @Test
    void hmmEmWithRestarts() throws IOException {
        assertResumes("hmm-em", hmmData, new String[] {"/objective", "/best/objective"},
                "--states", "2", "--emissions", "poisson", "--restarts", "2", "--iters", "20", "--tol", "0", "--seed", "4",
                "--checkpoint-every", "7");
    }

    @Test
    void hmmGibbs() throws IOException {
        assertResumes("hmm-gibbs", hmmData, new String[] {"/trace"},
                "--states", "2", "--emissions", "poisson", "--method", "gibbs", "--iters", "30", "--seed", "5",
                "--checkpoint-every", "8");
    }

    @Test
    void ldsEm() throws IOException {
        assertResumes("lds-em", ldsData, new String[] {"/objective"},
                "--model", "lds", "--latent-dim", "2", "--diagonal-noise", "--iters", "10", "--tol", "0", "--checkpoint-every", "4");
    }

    @Test
    void ldsGibbs() throws IOException {
        assertResumes("lds-gibbs", ldsData, new String[] {"/trace"},
                "--model", "lds", "--latent-dim", "2", "--diagonal-noise", "--method", "gibbs", "--iters", "12", "--seed", "6",
                "--checkpoint-every", "5");
    }

    @Test
    void poissonLdsLaplaceEm() throws IOException {
        assertResumes("plds", countData, new String[] {"/objective"},
                "--model", "plds", "--latent-dim", "2", "--iters", "6", "--tol", "0", "--checkpoint-every", "4");
    }

    /**
     * @param marked pointers, within the checkpoint's fit state, to traces whose first value is marked before resuming
     */
    private static void assertResumes(String name, Path data, String[] marked, String... options) throws IOException {
        Path reference = dir.resolve(name + "-uninterrupted"), killed = dir.resolve(name + "-killed");
        CommandLineTest.Run r = cli(fit(options, reference, data));
        assertEquals(0, r.status(), r.err());
        assertFalse(Files.exists(reference.resolve("checkpoint")), "a finished fit leaves no checkpoint");

        Files.createDirectories(killed.resolve("model.json").resolve("blocker")); // the final move of model.json fails
        r = cli(fit(options, killed, data));
        assertEquals(2, r.status(), "the fit should fail at its final write: " + r.err());
        Path folder = killed.resolve("checkpoint"), stateFile = folder.resolve("state.json");
        JsonNode state = ModelFile.JSON.readTree(stateFile.toFile());
        Set<String> named = new HashSet<>(Set.of("state.json"));
        state.path("files").forEach(f -> named.add(f.asText()));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(named, files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toSet()),
                    "the checkpoint holds exactly its state and the files it names");
        }
        Files.delete(killed.resolve("model.json").resolve("blocker"));
        Files.delete(killed.resolve("model.json"));
        double mark = Double.NaN;
        for (String pointer : marked) {
            ArrayNode trace = (ArrayNode) state.at("/fit" + pointer);
            mark = Math.nextDown(trace.get(0).asDouble()); // one ulp lower: changes no comparison between sweeps
            trace.set(0, mark);
        }
        ModelFile.JSON.writeValue(stateFile.toFile(), state);

        r = cli("fit", "--resume", killed.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode expected = ModelFile.JSON.readTree(reference.resolve("fit.json").toFile()).path("objective");
        JsonNode resumed = ModelFile.JSON.readTree(killed.resolve("fit.json").toFile()).path("objective");
        assertEquals(expected.size(), resumed.size());
        assertEquals(mark, resumed.get(0).asDouble(), "the trace before the checkpoint comes from the checkpoint");
        for (int i = 1; i < expected.size(); i++) {
            assertEquals(Double.doubleToRawLongBits(expected.get(i).asDouble()), Double.doubleToRawLongBits(resumed.get(i).asDouble()),
                    name + ": objective " + i);
        }
        assertEquals(ModelFile.JSON.readTree(reference.resolve("model.json").toFile()).get("parameters"),
                ModelFile.JSON.readTree(killed.resolve("model.json").toFile()).get("parameters"), name + ": parameters");
        assertFalse(Files.exists(folder), "the checkpoint is removed after the resumed fit");
    }

    private static String[] fit(String[] options, Path out, Path data) {
        String[] args = new String[options.length + 5];
        args[0] = "fit";
        System.arraycopy(options, 0, args, 1, options.length);
        args[options.length + 1] = "--no-figures";
        args[options.length + 2] = "--out";
        args[options.length + 3] = out.toString();
        args[options.length + 4] = data.toString();
        return args;
    }
}
