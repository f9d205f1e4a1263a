package eu.smek.calendar;

import eu.smek.http.ContentDisposition;
import eu.smek.rest.ProblemMappers;
import eu.smek.security.Secrets;
import eu.smek.shared.BusinessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calendars as iCalendar files: {@code /calendar/export/calendar/<id>} and {@code
 * /calendar/export/event/<id>} for a signed-in user (what they may see is decided by the service),
 * and {@code /calendar/feed/<secret>.ics}, the subscription address calendar programs fetch without
 * signing in (shiro.ini lets it through; the secret is the credential).
 */
@WebServlet({"/calendar/export/*", "/calendar/feed/*"})
public class CalendarDownloads extends HttpServlet {

  static final String MEDIA_TYPE = "text/calendar; charset=UTF-8";

  private static final Pattern EXPORT = Pattern.compile("/(calendar|event)/(\\d{1,18})");
  private static final Pattern FEED = Pattern.compile("/([A-Za-z0-9_-]{43})\\.ics");

  @Inject private CalendarService calendars;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo() == null ? "" : request.getPathInfo();
    try {
      if (request.getServletPath().equals("/calendar/feed")) {
        feed(path, request, response);
      } else {
        export(path, request, response);
      }
    } catch (BusinessException refused) {
      // Not found, or not to be seen by this user: the status says which, the body nothing more.
      response.sendError(
          refused instanceof NoSuchFeedException
              ? HttpServletResponse.SC_NOT_FOUND
              : ProblemMappers.statusOf(refused));
    }
  }

  private void export(String path, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Matcher target = EXPORT.matcher(path);
    if (!target.matches()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    long id = Long.parseLong(target.group(2));
    boolean calendar = target.group(1).equals("calendar");
    String ics = calendar ? calendars.exportCalendar(id) : calendars.exportEvent(id);
    send(
        request,
        response,
        (calendar ? "calendar-" : "event-") + id + ".ics",
        ics,
        "private, no-store");
  }

  private void feed(String path, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Matcher secret = FEED.matcher(path);
    if (!secret.matches()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    // Programs poll every few minutes; a revoked address may live in a cache that long, no more.
    send(request, response, "smek.ics", calendars.feed(secret.group(1)), "private, max-age=300");
  }

  /**
   * Sends the file, or 304 when the program already holds it: the ETag is the content's hash (the
   * file is the same while its events are), so a program polling the feed gets the whole file only
   * after a change.
   */
  private static void send(
      HttpServletRequest request,
      HttpServletResponse response,
      String name,
      String ics,
      String caching)
      throws IOException {
    byte[] content = ics.getBytes(StandardCharsets.UTF_8);
    String etag = "\"" + Secrets.sha256(ics).substring(0, 32) + "\"";
    response.setHeader("ETag", etag);
    response.setHeader("Cache-Control", caching);
    String held = request.getHeader("If-None-Match");
    if (held != null && List.of(held.split("\\s*,\\s*")).contains(etag)) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setContentType(MEDIA_TYPE);
    response.setContentLength(content.length);
    response.setHeader("Content-Disposition", ContentDisposition.attachment(name));
    response.getOutputStream().write(content);
  }
}
