package eu.smek.membership;

/** A document of the membership register, ready to download. */
public record MembershipDocument(String name, String contentType, byte[] content) {}
