package eu.smek.http;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a download answers to a {@code Range} header (RFC 9110, section 14): the whole file (200),
 * one part of it (206), or nothing (416). One range is served, as PDF viewers and resumed downloads
 * ask; a request for several, or a header that cannot be parsed, gets the whole file, which the RFC
 * allows.
 */
public sealed interface RangeRequest {

  /** The whole file: no Range header, or one that is ignored. */
  record Whole() implements RangeRequest {}

  /** Bytes {@code first} to {@code last}, both included, of a file of {@code size} bytes. */
  record Part(long first, long last, long size) implements RangeRequest {

    public long length() {
      return last - first + 1;
    }

    /** The {@code Content-Range} header of the answer. */
    public String contentRange() {
      return "bytes " + first + "-" + last + "/" + size;
    }
  }

  /** No byte of the file is in the range: 416 with {@code Content-Range: bytes *}/size. */
  record Unsatisfiable(long size) implements RangeRequest {

    public String contentRange() {
      return "bytes */" + size;
    }
  }

  static RangeRequest of(String header, long size) {
    if (header == null) {
      return new Whole();
    }
    Matcher range =
        Pattern.compile("bytes=(\\d*)-(\\d*)").matcher(header.strip().toLowerCase(Locale.ROOT));
    if (!range.matches() || range.group(1).isEmpty() && range.group(2).isEmpty()) {
      return new Whole();
    }
    if (range.group(1).isEmpty()) {
      // The last n bytes.
      long suffix = number(range.group(2));
      return suffix == 0 || size == 0
          ? new Unsatisfiable(size)
          : new Part(Math.max(0, size - suffix), size - 1, size);
    }
    long first = number(range.group(1));
    long last = range.group(2).isEmpty() ? Long.MAX_VALUE : number(range.group(2));
    if (last < first) {
      return new Whole();
    }
    return first >= size
        ? new Unsatisfiable(size)
        : new Part(first, Math.min(last, size - 1), size);
  }

  /** Digits as a number; more than a long holds is as good as infinite here. */
  private static long number(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException tooLong) {
      return Long.MAX_VALUE;
    }
  }
}
