package io.flaude.cli.image;

import io.flaude.cli.support.CliCommand;
import io.flaude.cli.support.ExitCodes;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ParentCommand;

/** The shared part of {@code image build} and {@code image push}: the engine check, then one docker command. */
abstract class DockerSubcommand extends CliCommand {
    @ParentCommand
    ImageCommand image;

    /** Checks that an engine answers, then runs {@code docker <args>}; 0 on success, else 1 with a message. */
    int docker(List<String> args) {
        DockerCli docker = image.docker();
        Optional<String> problem = docker.engineProblem();
        if (problem.isPresent()) {
            err().println("flaude: no container engine reachable (docker info failed: " + problem.get()
                    + "); build the image on a machine with Docker, see docs/image.md");
            err().flush();
            return ExitCodes.FAILED;
        }
        List<String> command = docker.command(args);
        err().println("flaude: running " + String.join(" ", command));
        err().flush();
        try {
            int code = docker.run(args, out(), err());
            if (code != 0) {
                err().println("flaude: " + String.join(" ", command.subList(0, 2)) + " failed (exit code " + code
                        + ")");
                err().flush();
                return ExitCodes.FAILED;
            }
            return ExitCodes.OK;
        } catch (IOException e) {
            err().println("flaude: could not run " + command.getFirst() + ": " + e.getMessage());
            err().flush();
            return ExitCodes.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err().println("flaude: interrupted");
            err().flush();
            return ExitCodes.FAILED;
        }
    }
}
