package dev.pyplugins.codegen.inputs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The fingerprint of the last run that wrote its outputs completely, kept in the work directory as
 * {@code inputs.sha256} (the hash) and {@code inputs.txt} (what was hashed).
 *
 * <p>Protocol: {@link #forget()} before touching the outputs, {@link #remember} after they are all in
 * place. A run that dies in between leaves no record, so the next run regenerates.
 */
public final class RunRecord {

  private final Path hashFile;
  private final Path descriptionFile;

  public RunRecord(Path workDirectory) {
    this.hashFile = workDirectory.resolve("inputs.sha256");
    this.descriptionFile = workDirectory.resolve("inputs.txt");
  }

  /** The hash of the last complete run, if there is one. */
  public Optional<String> lastHash() throws IOException {
    try {
      return Optional.of(Files.readString(hashFile, StandardCharsets.UTF_8).strip());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  public void forget() throws IOException {
    Files.deleteIfExists(hashFile);
  }

  public void remember(InputFingerprint fingerprint) throws IOException {
    Files.createDirectories(hashFile.getParent());
    Files.writeString(descriptionFile, fingerprint.description(), StandardCharsets.UTF_8);
    Files.writeString(hashFile, fingerprint.sha256() + "\n", StandardCharsets.UTF_8);
  }
}
