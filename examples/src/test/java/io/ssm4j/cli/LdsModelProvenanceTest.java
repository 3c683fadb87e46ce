package io.ssm4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ssm4j.data.NdArray;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The model.json that {@code fit} writes for a Gaussian LDS and a Poisson LDS: its provenance (every data file with
 * the SHA-256 of its bytes, seed, version, arguments, creation time) and options (dimensions, how it was fitted); and
 * an exact round trip: read back and written again with the same options and provenance, the file is the same text
 * and every parameter the same bits.
 */
class LdsModelProvenanceTest {
    @TempDir static Path dir;

    @Test
    void gaussianLdsFitRecordsProvenanceAndRoundTrips() throws Exception {
        String[] args = {"--model", "lds", "--latent-dim", "2", "--fix", "b", "--iters", "3", "--seed", "17", "--no-figures"};
        JsonNode options = fitAndCheck("lds", SimulatedFiles.lds(dir), args);
        assertEquals("em", options.get("method").asText());
        assertEquals("none", options.get("prior").asText());
        assertEquals(List.of("b"), List.of(options.get("fixed").get(0).asText()));
    }

    @Test
    void poissonLdsFitRecordsProvenanceAndRoundTrips() throws Exception {
        String[] args = {"--model", "plds", "--latent-dim", "2", "--iters", "2", "--seed", "23", "--no-figures"};
        JsonNode options = fitAndCheck("plds", SimulatedFiles.poissonLds(dir), args);
        assertEquals("laplace-em", options.get("method").asText());
    }

    @Test
    void aDimensionInOptionsThatContradictsTheParametersIsRefused() throws Exception {
        Path out = dir.resolve("contradiction");
        LdsCommandLineTest.run(0, "fit", "--model", "lds", "--latent-dim", "2", "--iters", "1", "--no-figures", "--out", out.toString(),
                SimulatedFiles.lds(dir).toString());
        ObjectNode root = (ObjectNode) ModelFile.JSON.readTree(out.resolve("model.json").toFile());
        ((ObjectNode) root.get("options")).put("latent_dim", 3);
        Path bad = out.resolve("bad.json");
        ModelFile.JSON.writeValue(bad.toFile(), root);
        IOException e = assertThrows(IOException.class, () -> LdsModelFile.read(bad));
        assertTrue(e.getMessage().contains("options.latent_dim is 3 but the parameters have 2"), e.getMessage());
    }

    @Test
    void awkwardDoublesOfAGaussianLdsRoundTripBitForBit() throws IOException {
        Map<String, NdArray> p = SimulatedFiles.rotation();
        double[] c = p.get("C").toArray();
        c[0] = -0.0;
        c[1] = Double.MIN_VALUE;
        c[2] = Math.nextUp(1.0 / 3);
        c[3] = 1e300;
        c[4] = -Math.PI * 1e-310;
        p.put("C", NdArray.of(c, 4, 2));
        p.put("d", NdArray.of(new double[] {Math.E / 7, -0.1 - 0.2, Math.ulp(1.0), 1 - Math.ulp(1.0)}, 4));
        LinearGaussianStateSpaceModel m = LinearGaussianStateSpaceModel.fromParameters(p);
        Path file = dir.resolve("awkward.json");
        LdsModelFile.write(file, m, null, null);
        Map<String, NdArray> back = LdsModelFile.read(file).parameters();
        assertEquals(m.parameters().keySet(), back.keySet());
        for (Map.Entry<String, NdArray> e : m.parameters().entrySet()) {
            double[] want = e.getValue().dataView(), got = back.get(e.getKey()).dataView();
            assertEquals(want.length, got.length, e.getKey());
            for (int i = 0; i < want.length; i++) {
                assertEquals(Double.doubleToRawLongBits(want[i]), Double.doubleToRawLongBits(got[i]), e.getKey() + "[" + i + "]");
            }
        }
    }

    /** Fits, checks provenance and the round trip, and returns the file's options. */
    private static JsonNode fitAndCheck(String name, Path data, String[] args) throws Exception {
        Path out = dir.resolve("provenance-" + name);
        String[] all = new String[args.length + 4];
        all[0] = "fit";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--out";
        all[args.length + 2] = out.toString();
        all[args.length + 3] = data.toString();
        Instant before = Instant.now();
        LdsCommandLineTest.run(0, all);
        Path file = out.resolve("model.json");
        JsonNode root = ModelFile.JSON.readTree(file.toFile());

        JsonNode p = root.get("provenance");
        Instant created = Instant.parse(p.get("created").asText());
        assertFalse(created.isBefore(before.minusSeconds(1)) || created.isAfter(Instant.now()), "created " + created);
        assertFalse(p.get("ssm4j_version").asText().isEmpty());
        assertEquals(Long.parseLong(args[java.util.Arrays.asList(args).indexOf("--seed") + 1]), p.get("seed").asLong());
        assertEquals(1, p.get("data").size());
        assertEquals(data.toAbsolutePath().toString(), p.get("data").get(0).get("path").asText());
        assertEquals(sha256(Files.readAllBytes(data)), p.get("data").get(0).get("sha256").asText());
        List<String> recorded = ModelFile.JSON.convertValue(p.get("arguments"), ModelFile.JSON.getTypeFactory()
                .constructCollectionType(List.class, String.class));
        assertEquals(List.of(all).subList(1, all.length), recorded);

        LoadedLds model = LdsModelFile.read(file);
        JsonNode options = root.get("options");
        assertEquals(model.latentDim(), options.get("latent_dim").asInt());
        assertEquals(model.obsDim(), options.get("obs_dim").asInt());
        ObjectNode fit = ((ObjectNode) options).deepCopy();
        fit.remove(List.of("latent_dim", "obs_dim", "input_dim"));
        Path again = out.resolve("again.json");
        LdsModelFile.write(again, model, fit, (ObjectNode) p);
        assertEquals(Files.readString(file), Files.readString(again), "written again, the file is the same text");
        return options;
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
