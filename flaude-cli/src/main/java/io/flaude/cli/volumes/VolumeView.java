package io.flaude.cli.volumes;

import io.flaude.cli.output.Table;
import io.flaude.fly.Volume;
import java.io.PrintWriter;
import java.util.List;

/** How volumes look to people: a table for lists, aligned fields for one. */
final class VolumeView {
    private VolumeView() {}

    static void table(List<Volume> volumes, PrintWriter out) {
        Table t = new Table("ID", "STATE", "NAME", "SIZE", "REGION", "ZONE", "ENCRYPTED", "ATTACHED VM", "CREATED AT");
        for (Volume v : volumes) {
            t.row(
                    v.id(),
                    v.stateAsString(),
                    v.name(),
                    v.sizeGb() + "GB",
                    v.region(),
                    v.zone(),
                    v.encrypted(),
                    v.attachedMachineId(),
                    v.createdAt());
        }
        t.print(out);
    }

    static void details(Volume v, PrintWriter out) {
        Table t = new Table("FIELD", "VALUE");
        t.row("ID", v.id())
                .row("Name", v.name())
                .row("App", v.appName())
                .row("State", v.stateAsString())
                .row("Region", v.region())
                .row("Zone", v.zone())
                .row("Size", v.sizeGb() + "GB")
                .row("Encrypted", v.encrypted())
                .row("Attached VM", v.attachedMachineId())
                .row("Created at", v.createdAt())
                .row("Fstype", v.fstype())
                .row("Snapshot retention", v.snapshotRetention() == null ? null : v.snapshotRetention() + " days")
                .row("Scheduled snapshots", v.autoBackupEnabled())
                .row("Host status", v.hostStatus());
        t.print(out);
    }
}
