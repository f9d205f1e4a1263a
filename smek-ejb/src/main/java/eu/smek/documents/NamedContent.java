package eu.smek.documents;

import java.io.InputStream;

/** An uploaded file as it arrives: the name the browser sent and the stream of its bytes. */
public record NamedContent(String name, InputStream content) {}
