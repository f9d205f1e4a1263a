package eu.smek.documents;

import eu.smek.documents.DocumentText.Outcome;
import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.HttpHeaders;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.SAXException;

/**
 * Reads the text inside a file (PDF, ODF, Office, plain text) with Apache Tika, within limits: at
 * most {@link DocumentText#MAXIMUM_CHARACTERS} characters are kept (the beginning of a longer
 * text), and a file that yields far more text than its size can honestly hold (a decompression
 * bomb) is refused. Office and ODF files are ZIP inside: besides the limits here, the upload's
 * {@link ContentInspector} refused archives that inflate too much, and Apache POI refuses entries
 * that inflate more than a hundred times. Embedded files (attachments, pictures) are not read.
 */
final class TextExtractor {

  /** Characters a file may yield per byte of its size once past {@link #RATIO_FREE_CHARACTERS}. */
  static final long MAXIMUM_RATIO = 100;

  static final long RATIO_FREE_CHARACTERS = 1_000_000;

  /**
   * Larger files are not parsed: a parser may need memory in proportion to a file's structure
   * (PDFBox reading a damaged 1 GiB "PDF" filled a 1 GiB heap in the documents benchmark).
   */
  static final long MAXIMUM_BYTES = 64L * 1024 * 1024;

  private static final Parser PARSER = new AutoDetectParser(TikaConfig.getDefaultConfig());

  private final int maximumCharacters;

  TextExtractor() {
    this(DocumentText.MAXIMUM_CHARACTERS);
  }

  TextExtractor(int maximumCharacters) {
    this.maximumCharacters = maximumCharacters;
  }

  /** What was read, and how it went; the text is null when nothing was kept. */
  record Extracted(String text, Outcome outcome) {}

  /** Reads the text of a file of {@code size} bytes; never throws for a bad file. */
  Extracted extract(InputStream content, long size, String contentType) {
    if (size > MAXIMUM_BYTES) {
      return new Extracted(null, Outcome.TOO_LARGE);
    }
    BodyContentHandler body = new BodyContentHandler(maximumCharacters);
    Bounded bounded = new Bounded(body, Math.max(RATIO_FREE_CHARACTERS, size * MAXIMUM_RATIO));
    Metadata metadata = new Metadata();
    metadata.set(HttpHeaders.CONTENT_TYPE, contentType);
    try (TikaInputStream in = TikaInputStream.get(content)) {
      PARSER.parse(in, bounded, metadata, new ParseContext());
      return kept(body.toString(), Outcome.COMPLETE);
    } catch (SAXException e) {
      if (WriteLimitReachedException.isWriteLimitReached(e)) {
        return kept(body.toString(), Outcome.TRUNCATED);
      }
      return new Extracted(null, Outcome.REFUSED);
    } catch (EncryptedDocumentException encrypted) {
      return new Extracted(null, Outcome.NONE);
    } catch (TikaException | IOException | RuntimeException unreadable) {
      // A damaged file, a zip bomb refused by POI, or a parser's own failure: no text to offer,
      // and the document stays findable by its name and metadata.
      return new Extracted(null, Outcome.REFUSED);
    }
  }

  private static Extracted kept(String text, Outcome outcome) {
    // PostgreSQL refuses NUL in text columns; some PDFs contain them.
    String clean = text.replace('\u0000', ' ').strip();
    return clean.isEmpty() ? new Extracted(null, Outcome.NONE) : new Extracted(clean, outcome);
  }

  /** Counts the characters a file yields and stops it at the bomb limit. */
  private static final class Bounded extends ContentHandlerDecorator {
    private final long limit;
    private long characters;

    Bounded(BodyContentHandler body, long limit) {
      super(body);
      this.limit = limit;
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      count(length);
      super.characters(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
      count(length);
      super.ignorableWhitespace(ch, start, length);
    }

    private void count(int length) throws SAXException {
      characters += length;
      if (characters > limit) {
        throw new SAXException("the file yields more text than its size can hold: " + limit);
      }
    }
  }
}
