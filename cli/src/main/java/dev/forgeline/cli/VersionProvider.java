package dev.forgeline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the project version the CLI was built from. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/forgeline-cli.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[] {"forgeline " + p.getProperty("version", "unknown")};
    }
}
