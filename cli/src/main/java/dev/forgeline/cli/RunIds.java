package dev.forgeline.cli;

import java.util.UUID;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts a RUN argument: a run id is a UUID, anything else is a usage error before any request. */
public final class RunIds implements ITypeConverter<UUID> {
    @Override
    public UUID convert(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not a run id (a UUID such as "
                    + "0193b4e2-7f1a-7c3e-9a51-2d4f6b8c0e11)");
        }
    }
}
