package eu.smek.telesession;

import eu.smek.shared.Language;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.HtmlStreamEventReceiver;

/**
 * Prints the minutes' (sanitised) HTML as an accessible, tagged PDF (PDF/UA-1 in intent): every
 * heading, paragraph, list and table is a structure element (H1–H3, P, L/LI/LBody, Table/TR/TH/TD)
 * of a Document element, with its text marked and reachable through the parent tree; the language
 * of the document is set, the title is shown instead of the file name, and Liberation Sans, which
 * covers Polish and Slovak diacritics, is embedded.
 */
public final class MinutesPdf {

  private static final float MARGIN = 56;
  private static final float BODY = 11;
  private static final float LEADING = 1.35f;
  private static final String FONTS = "/liberation/";

  private MinutesPdf() {}

  /** The PDF of the minutes, titled {@code title}, in the given language. */
  public static byte[] print(String html, String title, Language language) {
    try (PDDocument pdf = new PDDocument()) {
      new Printer(pdf, language).print(blocks(MinutesHtml.sanitise(html)));
      describe(pdf, title, language);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void describe(PDDocument pdf, String title, Language language) throws IOException {
    PDDocumentCatalog catalog = pdf.getDocumentCatalog();
    catalog.setLanguage(language.code());
    PDMarkInfo mark = new PDMarkInfo();
    mark.setMarked(true);
    catalog.setMarkInfo(mark);
    PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
    preferences.setDisplayDocTitle(true);
    catalog.setViewerPreferences(preferences);
    pdf.getDocumentInformation().setTitle(title);
    pdf.getDocumentInformation().setCreator("SMEK-int");
    PDMetadata metadata = new PDMetadata(pdf);
    metadata.importXMPMetadata(xmp(title, language).getBytes(StandardCharsets.UTF_8));
    catalog.setMetadata(metadata);
  }

  private static String xmp(String title, Language language) {
    String escaped = MinutesHtml.escape(title);
    return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
        + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
        + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
        + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
        + " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">"
        + "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">"
        + escaped
        + "</rdf:li><rdf:li xml:lang=\""
        + language.code()
        + "\">"
        + escaped
        + "</rdf:li></rdf:Alt></dc:title>"
        + "<dc:format>application/pdf</dc:format>"
        + "<pdfuaid:part>1</pdfuaid:part>"
        + "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";
  }

  // What the HTML says, as blocks

  /** A block of the minutes: a structure type and its text, or its children. */
  record Block(String type, StringBuilder text, List<Block> children) {
    Block(String type) {
      this(type, new StringBuilder(), new ArrayList<>());
    }
  }

  /** Reads the sanitised HTML into blocks with the sanitiser's own parser. */
  static List<Block> blocks(String html) {
    List<Block> top = new ArrayList<>();
    HtmlSanitizer.sanitize(
        html,
        MinutesHtml.POLICY.apply(
            new HtmlStreamEventReceiver() {
              private final List<Block> open = new ArrayList<>();

              @Override
              public void openDocument() {}

              @Override
              public void closeDocument() {}

              @Override
              public void openTag(String element, List<String> attributes) {
                switch (element) {
                  case "h1" -> start(StandardStructureTypes.H1);
                  case "h2" -> start(StandardStructureTypes.H2);
                  case "h3" -> start(StandardStructureTypes.H3);
                  case "p", "blockquote", "caption" -> start(StandardStructureTypes.P);
                  case "ul", "ol" -> start(StandardStructureTypes.L);
                  case "li" -> start(StandardStructureTypes.LI);
                  case "table" -> start(StandardStructureTypes.TABLE);
                  case "tr" -> start(StandardStructureTypes.TR);
                  case "th" -> start(StandardStructureTypes.TH);
                  case "td" -> start(StandardStructureTypes.TD);
                  case "br" -> current().ifPresent(b -> b.text().append('\n'));
                  default -> {
                    // Inline elements (bold, italic, links) keep their text in the block.
                  }
                }
              }

              @Override
              public void closeTag(String element) {
                switch (element) {
                  case "h1",
                      "h2",
                      "h3",
                      "p",
                      "blockquote",
                      "caption",
                      "ul",
                      "ol",
                      "li",
                      "table",
                      "tr",
                      "th",
                      "td" -> {
                    if (!open.isEmpty()) {
                      open.remove(open.size() - 1);
                    }
                  }
                  default -> {}
                }
              }

              @Override
              public void text(String text) {
                if (text.isBlank() && current().isEmpty()) {
                  return;
                }
                Block block = current().orElseGet(() -> start(StandardStructureTypes.P));
                block.text().append(text);
              }

              private java.util.Optional<Block> current() {
                return open.isEmpty()
                    ? java.util.Optional.empty()
                    : java.util.Optional.of(open.get(open.size() - 1));
              }

              private Block start(String type) {
                Block block = new Block(type);
                (open.isEmpty() ? top : open.get(open.size() - 1).children()).add(block);
                open.add(block);
                return block;
              }
            }));
    return top;
  }

  // Printing

  private static final class Printer {
    private final PDDocument pdf;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final PDStructureElement document;
    private final Map<Integer, COSObjectable> parentTree = new HashMap<>();
    private final float width;
    private PDPage page;
    private PDPageContentStream content;
    private COSArray marked;
    private int mcid;
    private float y;

    Printer(PDDocument pdf, Language language) throws IOException {
      this.pdf = pdf;
      this.regular = font(pdf, "LiberationSans-Regular.ttf");
      this.bold = font(pdf, "LiberationSans-Bold.ttf");
      PDStructureTreeRoot root = new PDStructureTreeRoot();
      pdf.getDocumentCatalog().setStructureTreeRoot(root);
      document = new PDStructureElement(StandardStructureTypes.DOCUMENT, root);
      document.setLanguage(language.code());
      root.appendKid(document);
      width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    void print(List<Block> blocks) throws IOException {
      newPage();
      for (Block block : blocks) {
        print(block, document, MARGIN, width);
      }
      close();
      PDNumberTreeNode tree = new PDNumberTreeNode(PDParentTreeValue.class);
      tree.setNumbers(parentTree);
      PDStructureTreeRoot root = pdf.getDocumentCatalog().getStructureTreeRoot();
      root.setParentTree(tree);
      root.setParentTreeNextKey(parentTree.size());
    }

    private void print(Block block, PDStructureElement parent, float x, float available)
        throws IOException {
      PDStructureElement element = new PDStructureElement(block.type(), parent);
      parent.appendKid(element);
      switch (block.type()) {
        case StandardStructureTypes.L -> {
          for (Block item : block.children()) {
            PDStructureElement li = new PDStructureElement(StandardStructureTypes.LI, element);
            element.appendKid(li);
            PDStructureElement label = new PDStructureElement(StandardStructureTypes.LBL, li);
            li.appendKid(label);
            PDStructureElement body = new PDStructureElement(StandardStructureTypes.L_BODY, li);
            li.appendKid(body);
            float top = y;
            lines(label, "•", regular, BODY, x, 12);
            float after = y;
            y = top;
            lines(body, flatten(item), regular, BODY, x + 14, available - 14);
            y = Math.min(y, after);
          }
          y -= BODY * 0.5f;
        }
        case StandardStructureTypes.TABLE -> table(block, element, x, available);
        default -> {
          float size =
              switch (block.type()) {
                case StandardStructureTypes.H1 -> 18;
                case StandardStructureTypes.H2 -> 14;
                case StandardStructureTypes.H3 -> 12;
                default -> BODY;
              };
          boolean heading = !StandardStructureTypes.P.equals(block.type());
          if (heading) {
            y -= size * 0.6f;
          }
          lines(element, flatten(block), heading ? bold : regular, size, x, available);
          y -= size * 0.5f;
        }
      }
    }

    private void table(Block table, PDStructureElement element, float x, float available)
        throws IOException {
      int columns =
          table.children().stream().mapToInt(row -> row.children().size()).max().orElse(1);
      float column = available / Math.max(1, columns);
      for (Block row : rows(table)) {
        PDStructureElement tr = new PDStructureElement(StandardStructureTypes.TR, element);
        element.appendKid(tr);
        float top = y;
        float lowest = y;
        for (int i = 0; i < row.children().size(); i++) {
          Block cell = row.children().get(i);
          PDStructureElement td = new PDStructureElement(cell.type(), tr);
          tr.appendKid(td);
          if (StandardStructureTypes.TH.equals(cell.type())) {
            COSDictionary attributes = new COSDictionary();
            attributes.setName(COSName.O, "Table");
            attributes.setName(COSName.getPDFName("Scope"), "Column");
            td.getCOSObject().setItem(COSName.A, attributes);
          }
          y = top;
          lines(
              td,
              flatten(cell),
              StandardStructureTypes.TH.equals(cell.type()) ? bold : regular,
              BODY,
              x + i * column,
              column - 6);
          lowest = Math.min(lowest, y);
        }
        y = lowest - 2;
      }
      y -= BODY * 0.5f;
    }

    /** The rows of a table, also those inside thead and tbody (which the reader left out). */
    private static List<Block> rows(Block table) {
      List<Block> rows = new ArrayList<>();
      for (Block child : table.children()) {
        if (StandardStructureTypes.TR.equals(child.type())) {
          rows.add(child);
        } else {
          rows.addAll(rows(child));
        }
      }
      return rows;
    }

    /** Prints wrapped text as marked content of the element, on as many pages as it needs. */
    private void lines(
        PDStructureElement element,
        String text,
        PDType0Font font,
        float size,
        float x,
        float available)
        throws IOException {
      float leading = size * LEADING;
      for (String line : wrap(text, font, size, available)) {
        if (y - leading < MARGIN) {
          newPage();
        }
        y -= leading;
        element.setPage(page);
        content.beginMarkedContent(COSName.getPDFName(element.getStandardStructureType()), mcid);
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(line);
        content.endText();
        content.endMarkedContent();
        PDMarkedContentReference reference = new PDMarkedContentReference();
        reference.setPage(page);
        reference.setMCID(mcid);
        element.appendKid(reference);
        marked.add(element);
        mcid++;
      }
    }

    private static List<String> wrap(String text, PDType0Font font, float size, float available)
        throws IOException {
      List<String> lines = new ArrayList<>();
      for (String paragraph : text.split("\n", -1)) {
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.trim().split("\\s+")) {
          String candidate = line.isEmpty() ? word : line + " " + word;
          if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > available) {
            lines.add(line.toString());
            line.setLength(0);
            line.append(word);
          } else {
            line.setLength(0);
            line.append(candidate);
          }
        }
        if (!line.toString().isBlank()) {
          lines.add(line.toString());
        }
      }
      return lines;
    }

    private String flatten(Block block) {
      StringBuilder text = new StringBuilder(printable(block.text().toString()));
      for (Block child : block.children()) {
        text.append(text.isEmpty() ? "" : " ").append(flatten(child));
      }
      return text.toString().replace('\t', ' ');
    }

    /** Drops what the font has no glyph for (emoji, control characters), keeping line breaks. */
    private String printable(String text) {
      StringBuilder kept = new StringBuilder(text.length());
      text.codePoints()
          .forEach(
              c -> {
                if (c == '\n' || (!Character.isISOControl(c) && hasGlyph(c))) {
                  kept.appendCodePoint(c);
                } else if (Character.isWhitespace(c)) {
                  kept.append(' ');
                }
              });
      return kept.toString();
    }

    private boolean hasGlyph(int codePoint) {
      String character = new String(Character.toChars(codePoint));
      try {
        regular.encode(character);
        bold.encode(character);
        return true;
      } catch (IOException | IllegalArgumentException missing) {
        return false;
      }
    }

    private void newPage() throws IOException {
      close();
      page = new PDPage(PDRectangle.A4);
      pdf.addPage(page);
      page.setStructParents(parentTree.size());
      // Tab order follows the structure (PDF/UA).
      page.getCOSObject().setName(COSName.getPDFName("Tabs"), "S");
      marked = new COSArray();
      parentTree.put(parentTree.size(), new PDParentTreeValue(marked));
      content = new PDPageContentStream(pdf, page);
      mcid = 0;
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void close() throws IOException {
      if (content != null) {
        content.close();
        content = null;
      }
    }

    private static PDType0Font font(PDDocument pdf, String name) throws IOException {
      try (InputStream ttf = MinutesPdf.class.getResourceAsStream(FONTS + name)) {
        if (ttf == null) {
          throw new IOException("The font " + name + " is missing from the class path");
        }
        return PDType0Font.load(pdf, ttf);
      }
    }
  }
}
