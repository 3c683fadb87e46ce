package io.ssm4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** Where a fitted model came from: data files with their SHA-256, seed, version, command line and date. */
final class Provenance {
    private Provenance() {}

    static ObjectNode of(List<Path> dataFiles, long seed, String[] commandLine) throws IOException {
        ObjectNode p = ModelFile.JSON.createObjectNode();
        p.put("ssm4j_version", Provenance.class.getPackage().getImplementationVersion() == null ? "dev"
                : Provenance.class.getPackage().getImplementationVersion());
        p.put("created", Instant.now().toString());
        p.put("seed", seed);
        ArrayNode files = p.putArray("data");
        for (Path f : dataFiles) {
            ObjectNode e = files.addObject();
            e.put("path", f.toAbsolutePath().toString());
            e.put("sha256", sha256(f));
        }
        ArrayNode args = p.putArray("arguments");
        for (String a : commandLine) args.add(a);
        return p;
    }

    static String sha256(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
