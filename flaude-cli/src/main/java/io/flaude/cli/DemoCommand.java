package io.flaude.cli;

import io.flaude.cli.support.CliCommand;
import io.flaude.cli.support.EmbeddedClient;
import io.flaude.emulator.FlyEmulator;
import io.flaude.fly.App;
import io.flaude.fly.Apps;
import io.flaude.fly.ExtendedVolume;
import io.flaude.fly.FlyClient;
import io.flaude.fly.FlyValidationException;
import io.flaude.fly.Snapshot;
import io.flaude.fly.Volume;
import io.flaude.fly.VolumeListOptions;
import io.flaude.fly.VolumeState;
import io.flaude.fly.Volumes;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code flaude demo}: the volume lifecycle a session relies on, then a two-turn session, end to end,
 * against the emulator started in this process. Each step prints what happened; any failure exits 1.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Walk the volume lifecycle, then a two-turn session, on the embedded Fly API emulator",
            "(its machines run a simulated Claude that keeps the real image's contract)."
        })
public final class DemoCommand extends CliCommand {
    static final String APP = "flaude-demo";

    @Override
    public Integer call() {
        if (context().apiUrlOption() != null) {
            throw new FlyValidationException("demo runs on an embedded emulator and sends nothing to --api-url; "
                    + "point the other commands at your API instead");
        }
        PrintWriter out = out();
        try (FlyEmulator emulator = FlyEmulator.start();
                FlyClient fly = EmbeddedClient.builder(emulator).build()) {
            out.println("flaude demo: volumes, then a two-turn session, on the embedded Fly API emulator at "
                    + emulator.baseUri());
            App app = fly.apps().ensure(APP, Apps.DEFAULT_ORG);
            step(out, 1, "ensure app", app.name() + " (id " + app.id() + ", org " + app.orgSlug() + ")");

            Volumes volumes = fly.volumes(APP);
            Volume volume = volumes.create();
            step(out, 2, "create volume with the defaults", describe(volume));

            List<Volume> listed = volumes.list();
            step(out, 3, "list volumes", listed.size() + " volume(s): " + ids(listed));

            ExtendedVolume extended = volumes.extend(volume.id(), 2);
            step(
                    out,
                    4,
                    "extend to 2 GB",
                    extended.volume().sizeGb() + "GB, needs restart: " + extended.needsRestart());

            volumes.createSnapshot(volume.id());
            List<Snapshot> snapshots = volumes.snapshots(volume.id());
            step(
                    out,
                    5,
                    "snapshot",
                    snapshots.isEmpty()
                            ? "requested"
                            : snapshots.get(0).id() + " (" + snapshots.get(0).volumeSizeGb() + "GB source, "
                                    + snapshots.get(0).status() + ")");

            Volume fork = volumes.fork(volume.id());
            Volume ready = volumes.waitFor(fork.id(), VolumeState.CREATED, Duration.ofSeconds(30));
            step(
                    out,
                    6,
                    "fork",
                    fork.id() + " " + fork.stateAsString() + " -> " + ready.stateAsString() + ", " + ready.sizeGb()
                            + "GB");

            boolean first = volumes.destroy(volume.id());
            boolean second = volumes.destroy(fork.id());
            step(
                    out,
                    7,
                    "destroy both",
                    (first && second ? "both destroyed" : "destroyed or already gone")
                            + "; destroying again is a no-op: " + !volumes.destroy(volume.id()));

            List<Volume> live = volumes.list(VolumeListOptions.LIVE);
            List<Volume> all = volumes.list();
            step(
                    out,
                    8,
                    "prove none left",
                    live.size() + " live volume(s); " + all.size()
                            + " soft-deleted (Fly keeps them listed as pending_destroy for a while)");
            if (!live.isEmpty()) {
                throw new IllegalStateException("volumes left behind: " + ids(live));
            }
            new SessionDemo(fly, APP, out).run(9);
            out.println("Done: nothing leaked.");
        }
        return 0;
    }

    static void step(PrintWriter out, int n, String what, String result) {
        out.printf("%2d. %-34s %s%n", n, what, result);
        out.flush();
    }

    private static String describe(Volume v) {
        return v.id() + " name=" + v.name() + " region=" + v.region() + " size=" + v.sizeGb() + "GB state="
                + v.stateAsString();
    }

    private static String ids(List<Volume> volumes) {
        return String.join(
                ", ", volumes.stream().map(v -> v.id() + " (" + v.state() + ")").toList());
    }
}
