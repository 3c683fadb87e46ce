package io.ssm4j.datasets.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real recordings in a data home (the project's shared data folder, never copied into the project): every
 * sub-folder with a README.md is one dataset. Its description is the README's title after the dash, its shape the
 * first "shape" or "size" phrase in the text, its citation the first item under a "Cite" heading.
 */
public final class SharedDataCatalog {
    private SharedDataCatalog() {}

    public static List<DatasetEntry> entries(Path home) throws IOException {
        if (!Files.isDirectory(home)) throw new IOException("data home " + home + " is not a folder");
        List<DatasetEntry> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(home)) {
            for (Path d : (Iterable<Path>) dirs.sorted()::iterator) {
                Path readme = d.resolve("README.md");
                if (Files.isDirectory(d) && Files.isReadable(readme)) out.add(entry(d.getFileName().toString(), readme));
            }
        }
        return out;
    }

    /** The README of one real dataset, whole. */
    public static String readme(Path home, String name) throws IOException {
        Path readme = home.resolve(name).resolve("README.md");
        if (!Files.isReadable(readme)) throw new IOException("no dataset '" + name + "' in " + home);
        return Files.readString(readme);
    }

    static DatasetEntry entry(String name, Path readme) throws IOException {
        List<String> lines = Files.readAllLines(readme);
        String title = lines.isEmpty() ? name : lines.get(0).replaceFirst("^#\\s*", "");
        int dash = title.indexOf(" — ");
        String description = dash >= 0 ? title.substring(dash + 3) : title;
        String citation = "";
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("^#+\\s*Cit.*")) {
                for (int j = i + 1; j < lines.size(); j++) {
                    String l = lines.get(j).strip();
                    if (l.startsWith("-") || l.startsWith("*")) {
                        citation = l.substring(1).strip();
                        break;
                    }
                    if (l.startsWith("#")) break;
                }
                break;
            }
        }
        return new DatasetEntry(name, DatasetEntry.Kind.REAL, description, "see describe", citation);
    }
}
