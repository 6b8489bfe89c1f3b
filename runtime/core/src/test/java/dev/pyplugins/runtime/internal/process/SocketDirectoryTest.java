package dev.pyplugins.runtime.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocketDirectoryTest {
  @TempDir Path base;

  @Test
  void directoryIsPrivateShortAndRemovedWithItsContents() throws IOException {
    SocketDirectory dir = SocketDirectory.create(base);
    Files.createFile(dir.path().resolve("plugin.sock"));

    assertThat(dir.path().getFileName().toString()).matches("pyp-[a-z0-9]{8}");
    assertThat(Files.getPosixFilePermissions(dir.path())).isEqualTo(PosixFilePermissions.fromString("rwx------"));

    dir.close();
    dir.close();
    assertThat(dir.path()).doesNotExist();
  }

  @Test
  void directoriesOfDeadHostsAreRemovedAndLiveOnesKept() throws IOException {
    SocketDirectory mine = SocketDirectory.create(base);
    Path stale = Files.createDirectory(base.resolve("pyp-deadbeef"));
    Files.writeString(stale.resolve(SocketDirectory.OWNER_FILE), "999999999 12345");
    Files.createFile(stale.resolve("plugin.sock"));
    Path reused = Files.createDirectory(base.resolve("pyp-reusedpd"));
    // Our own pid with another start time: the pid was reused, the owner is gone.
    Files.writeString(reused.resolve(SocketDirectory.OWNER_FILE), ProcessHandle.current().pid() + " 1");
    Path foreign = Files.createDirectory(base.resolve("unrelated"));

    int removed = SocketDirectory.removeStale(base);

    assertThat(removed).isEqualTo(2);
    assertThat(stale).doesNotExist();
    assertThat(reused).doesNotExist();
    assertThat(mine.path()).exists();
    assertThat(foreign).exists();
  }
}
