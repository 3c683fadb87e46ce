package io.ssm4j.benchmarks;

import io.ssm4j.math.VectorOps;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The machine a benchmark ran on: the CPU model as {@code lscpu} names it (else {@code /proc/cpuinfo}),
 * whether it has AVX-512 (the {@code avx512f} flag), the CPU count, the JVM and the kernel backend ssm4j
 * chose (Vector API or scalar). Timings only compare across runs on the same kind of machine.
 *
 * @param cpuModel     the CPU's model name, or "unknown"
 * @param avx512       true when the CPU reports {@code avx512f}
 * @param cpus         processors visible to the JVM
 * @param java         the JVM's vendor and version
 * @param kernels      the {@link VectorOps} implementation in use
 */
public record MachineInfo(String cpuModel, boolean avx512, int cpus, String java, String kernels) {
    /** Describes the current machine. */
    public static MachineInfo current() {
        List<String> lscpu = lscpu();
        List<String> cpuinfo = readLines(Path.of("/proc/cpuinfo"));
        String model = field(lscpu, "Model name");
        if (model == null) model = field(cpuinfo, "model name");
        String flags = field(lscpu, "Flags");
        if (flags == null) flags = field(cpuinfo, "flags");
        boolean avx512 = flags != null && (" " + flags + " ").contains(" avx512f ");
        String java = System.getProperty("java.vm.vendor", "?") + " " + System.getProperty("java.vm.name", "?")
                + " " + System.getProperty("java.runtime.version", System.getProperty("java.version", "?"));
        return new MachineInfo(model == null ? "unknown" : model, avx512, Runtime.getRuntime().availableProcessors(),
                java, VectorOps.best().name());
    }

    /** One line for a report header. */
    public String describe() {
        return cpuModel + " (lscpu model name), AVX-512: " + (avx512 ? "yes" : "no") + ", " + cpus + " CPUs; "
                + java + "; kernels: " + kernels;
    }

    private static String field(List<String> lines, String key) {
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(key)) return line.substring(colon + 1).trim();
        }
        return null;
    }

    private static List<String> lscpu() {
        try {
            Process p = new ProcessBuilder("lscpu").redirectErrorStream(true).start();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) return List.of();
            return new String(out, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }
}
