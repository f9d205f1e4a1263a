package eu.smek.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the test mail server (GreenMail, started by the build) received, read through its REST API:
 * from the tests in the server and from the browser tests alike.
 */
public final class Mailbox {

  /** A received e-mail: its subject and its decoded plain-text body. */
  public record Mail(String subject, String body) {

    /** The first link in the body that leads to the given path, e.g. {@code /accept-invitation}. */
    public String link(String path) {
      Matcher link =
          Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(path) + "\\S*)").matcher(body);
      if (!link.find()) {
        throw new AssertionError("no link to " + path + " in: " + body);
      }
      return link.group(1);
    }

    /** The secret token of the invitation link in the body. */
    public String token() {
      String link = link("/accept-invitation?token=");
      return link.substring(link.indexOf("token=") + "token=".length());
    }
  }

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Mailbox() {}

  /** Waits (up to 30 s) for a mail to the address that matches, and returns it. */
  public static Mail await(String address, Predicate<Mail> wanted) {
    Instant deadline = Instant.now().plusSeconds(30);
    while (true) {
      Optional<Mail> found = messagesTo(address).stream().filter(wanted).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no matching mail to " + address + " in: " + messagesTo(address));
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** Does what sends one e-mail to the address, waits for that e-mail and returns it. */
  public static Mail sentBy(String address, TestSubjects.ThrowingRunnable action) throws Exception {
    int before = messagesTo(address).size();
    action.run();
    Instant deadline = Instant.now().plusSeconds(30);
    List<Mail> mails;
    while ((mails = messagesTo(address)).size() <= before) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no new mail to " + address);
      }
      Thread.sleep(250);
    }
    return mails.get(before);
  }

  public static List<Mail> messagesTo(String address) {
    return received(address).stream()
        .map(m -> new Mail(m.getString("subject"), body(m.getString("mimeMessage"))))
        .toList();
  }

  /**
   * The raw MIME text of every message to the address, oldest first: for multipart messages such as
   * iMIP invitations, which tests parse themselves.
   */
  public static List<String> rawMessagesTo(String address) {
    return received(address).stream().map(m -> m.getString("mimeMessage")).toList();
  }

  /** Waits (up to 30 s) for a message to the address whose raw MIME text matches. */
  public static String awaitRaw(String address, Predicate<String> wanted) {
    Instant deadline = Instant.now().plusSeconds(30);
    while (true) {
      Optional<String> found = rawMessagesTo(address).stream().filter(wanted).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "no matching mail to " + address + " among " + rawMessagesTo(address).size());
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static List<JsonObject> received(String address) {
    String port = System.getProperty("it.mail.api.port");
    if (port == null) {
      throw new IllegalStateException("it.mail.api.port is not set: run the tests with Maven");
    }
    URI uri =
        URI.create(
            "http://127.0.0.1:"
                + port
                + "/api/user/"
                + URLEncoder.encode(address, StandardCharsets.UTF_8)
                + "/messages/INBOX");
    try {
      HttpResponse<String> response =
          CLIENT.send(
              HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200 || !response.body().startsWith("[")) {
        return List.of();
      }
      JsonArray messages = Json.createReader(new StringReader(response.body())).readArray();
      return messages.getValuesAs(JsonObject.class);
    } catch (IOException e) {
      throw new AssertionError("the test mail server does not answer at " + uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The decoded body of a single-part text message, as the application sends them. */
  static String body(String mime) {
    int split = mime.indexOf("\r\n\r\n");
    String headers = mime.substring(0, split).toLowerCase();
    String raw = mime.substring(split + 4);
    if (headers.contains("content-transfer-encoding: base64")) {
      return new String(Base64.getMimeDecoder().decode(raw), StandardCharsets.UTF_8);
    }
    if (headers.contains("content-transfer-encoding: quoted-printable")) {
      return quotedPrintable(raw);
    }
    return raw;
  }

  private static String quotedPrintable(String raw) {
    String joined = raw.replace("=\r\n", "");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < joined.length(); i++) {
      char c = joined.charAt(i);
      if (c == '=' && i + 2 < joined.length()) {
        bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
