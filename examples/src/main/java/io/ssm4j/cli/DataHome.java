package io.ssm4j.cli;

import java.nio.file.Path;

/** Where the shared real datasets live: --data-home, else $SSM4J_DATA, else ../shared/data beside the project. */
final class DataHome {
    private DataHome() {}

    static Path resolve(Path option) {
        if (option != null) return option;
        return Path.of(System.getenv().getOrDefault("SSM4J_DATA", "../shared/data"));
    }
}
