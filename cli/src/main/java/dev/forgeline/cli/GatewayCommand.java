package dev.forgeline.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command against a running gateway: {@code --api}, and where its output goes. */
abstract class GatewayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    GatewayOptions gateway;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
