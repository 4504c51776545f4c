package io.flaude.fly;

/**
 * The two settings Fly lets you change on an existing volume; {@code null} leaves a setting as it is.
 * Size is changed with extend; name and region cannot change.
 *
 * @param snapshotRetention days to keep daily snapshots, 1-60
 * @param autoBackupEnabled whether to take daily snapshots
 */
public record VolumeUpdate(Integer snapshotRetention, Boolean autoBackupEnabled) {}
