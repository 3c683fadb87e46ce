package io.ssm4j.cli;

import io.ssm4j.data.NdArray;
import io.ssm4j.datasets.catalog.DatasetEntry;
import io.ssm4j.datasets.catalog.RealDatasets;
import io.ssm4j.datasets.catalog.SharedDataCatalog;
import io.ssm4j.datasets.catalog.Simulators;
import io.ssm4j.datasets.io.Npz;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ssm4j datasets list|describe|load}: the real recordings in the data home (their READMEs give source,
 * licence and shape; the project keeps no copy; {@link RealDatasets} loads them as trials) and the built-in
 * simulators (loadable as .npz with their true parameters and latents).
 */
@Command(name = "datasets", mixinStandardHelpOptions = true, description = "The dataset catalog: real recordings and simulators.",
        subcommands = {DatasetsCommand.ListDatasets.class, DatasetsCommand.Describe.class, DatasetsCommand.Load.class})
final class DatasetsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new IllegalArgumentException("say what to do: datasets list, datasets describe NAME or datasets load NAME");
    }

    static List<DatasetEntry> all(Path home) throws IOException {
        List<DatasetEntry> out = new ArrayList<>();
        if (Files.isDirectory(home)) out.addAll(SharedDataCatalog.entries(home));
        out.addAll(Simulators.entries());
        return out;
    }

    /** {@code datasets list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the datasets.")
    static final class ListDatasets implements Callable<Integer> {
        @Option(names = "--data-home", paramLabel = "DIR", description = "Folder of the real datasets (default: $SSM4J_DATA or ../shared/data)")
        Path dataHome;

        @Override
        public Integer call() throws IOException {
            Path home = DataHome.resolve(dataHome);
            if (!Files.isDirectory(home)) System.out.println("(no data home at " + home + "; real datasets not listed)");
            for (DatasetEntry e : all(home)) {
                System.out.printf("%-30s %-9s %s%n", e.name(), e.kind() == DatasetEntry.Kind.REAL ? "real" : "simulator",
                        e.description());
            }
            return 0;
        }
    }

    /** {@code datasets describe NAME}. */
    @Command(name = "describe", mixinStandardHelpOptions = true, description = "Describe one dataset.")
    static final class Describe implements Callable<Integer> {
        @Option(names = "--data-home", paramLabel = "DIR", description = "Folder of the real datasets")
        Path dataHome;

        @Parameters(paramLabel = "NAME") String name;

        @Override
        public Integer call() throws IOException {
            if (Simulators.has(name)) {
                DatasetEntry e = Simulators.entries().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
                System.out.printf("%s (built-in simulator)%n%s%nshape: %s%ncite: %s%n", e.name(), e.description(), e.shape(),
                        e.citation());
                return 0;
            }
            System.out.print(SharedDataCatalog.readme(DataHome.resolve(dataHome), name));
            return 0;
        }
    }

    /**
     * {@code datasets load NAME --out FILE.npz}: a simulator's draw with its true parameters and latents, or a real
     * recording as trials (binned spike counts for the spike-train datasets), one array per trial.
     */
    @Command(name = "load", mixinStandardHelpOptions = true, description = "Write a simulated or real dataset to an .npz.")
    static final class Load implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "A simulator, or a real dataset (NAME/PART keeps one of its trials)")
        String name;

        @Option(names = "--seed", defaultValue = "0", description = "Random seed of a simulator (default: ${DEFAULT-VALUE})") long seed;

        @Option(names = "--data-home", paramLabel = "DIR", description = "Folder of the real datasets") Path dataHome;

        @Option(names = "--bin-width", paramLabel = "SECONDS",
                description = "Spike-count bin width of a spike-train dataset (default: hippocampus 0.5 s, songbird one frame)")
        Double binWidth;

        @Option(names = "--out", required = true, paramLabel = "FILE.npz") Path out;

        @Override
        public Integer call() throws IOException {
            Map<String, NdArray> arrays;
            String summary;
            if (Simulators.has(name)) {
                if (binWidth != null) throw new IllegalArgumentException("--bin-width applies to real spike-train datasets");
                arrays = Simulators.simulate(name, seed);
                summary = String.valueOf(arrays.keySet());
            } else if (RealDatasets.has(name)) {
                RealDatasets.Recording r = RealDatasets.load(DataHome.resolve(dataHome), name, binWidth);
                arrays = r.trials();
                summary = r.summary();
            } else {
                throw new IllegalArgumentException("unknown dataset '" + name + "'; simulators: "
                        + Simulators.entries().stream().map(DatasetEntry::name).toList() + ", real: " + RealDatasets.names());
            }
            Files.createDirectories(out.toAbsolutePath().getParent());
            Npz.write(out, arrays);
            System.out.printf("wrote %s: %s%n", out, summary);
            return 0;
        }
    }
}
