package eu.smek.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small HTTP client for the application, like a browser without JavaScript: keeps cookies, does
 * not follow redirects (tests look at them), and can sign in through the real sign-in form.
 */
public final class Http {

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");
  private static final Pattern NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");

  private final String base;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient client;

  public Http(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** The application as seen from inside the server it runs on. */
  public static Http local() {
    int port =
        Integer.getInteger("jboss.http.port", 8080)
            + Integer.getInteger("jboss.socket.binding.port-offset", 0);
    return new Http("http://127.0.0.1:" + port);
  }

  public String base() {
    return base;
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
  }

  public HttpResponse<String> get(String path, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = request(path).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Sends a request and keeps the answer's bytes as they are, for downloads. */
  public HttpResponse<byte[]> sendForBytes(HttpRequest request)
      throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  public HttpResponse<byte[]> getBytes(String path, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = request(path).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return sendForBytes(request.build());
  }

  public HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers)
      throws IOException, InterruptedException {
    String body =
        fields.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  /** A file field of a multipart form. */
  public record FilePart(String name, String fileName, String contentType, byte[] content) {}

  /** Posts a multipart/form-data form, as a browser does for a form with a file field. */
  public HttpResponse<String> postMultipart(
      String path, Map<String, String> fields, FilePart file, String... headers)
      throws IOException, InterruptedException {
    String boundary = "smek-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + field.getKey()
                  + "\"\r\n\r\n"
                  + field.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    if (file != null) {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + file.name()
                  + "\"; filename=\""
                  + file.fileName()
                  + "\"\r\nContent-Type: "
                  + file.contentType()
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.write(file.content());
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  /**
   * Opens the sign-in page and submits its form, both with the given headers; returns the response
   * to the POST (a redirect on success).
   */
  public HttpResponse<String> signIn(String login, String password, String... headers)
      throws IOException, InterruptedException {
    HttpResponse<String> form = get("/login", headers);
    Map<String, String> fields = new HashMap<>(formState(form.body()));
    fields.put("login-form", "login-form");
    fields.put("login-form:username", login);
    fields.put("login-form:password", password);
    fields.put("login-form:sign-in", "");
    return postForm("/login", fields, headers);
  }

  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(java.net.HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  /**
   * What a browser sends back with any form of the page: the view state and the nonce that
   * PrimeFaces' script adds to every submission (PrimeFaces refuses a postback without it).
   */
  public static Map<String, String> formState(String html) {
    Matcher nonce = NONCE.matcher(html);
    if (!nonce.find()) {
      throw new IllegalStateException("no PrimeFaces nonce in the page");
    }
    return Map.of("jakarta.faces.ViewState", viewState(html), "primefaces.nonce", nonce.group(1));
  }

  public static String viewState(String html) {
    Matcher matcher = VIEW_STATE.matcher(html);
    if (!matcher.find()) {
      throw new IllegalStateException("no ViewState in the page");
    }
    return matcher.group(1);
  }

  public static String basic(String login, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
