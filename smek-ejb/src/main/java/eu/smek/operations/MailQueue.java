package eu.smek.operations;

/** Outgoing e-mails: waiting to be sent, and given up after the last attempt. */
public record MailQueue(long waiting, long failed) {}
