package eu.smek.operations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The commit and time of the build, written into {@code build.properties} by smek-ejb's build. */
record BuildInfo(String commit, String time) {

  static BuildInfo read() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BuildInfo(
        properties.getProperty("commit", "unknown"), properties.getProperty("time", "unknown"));
  }
}
