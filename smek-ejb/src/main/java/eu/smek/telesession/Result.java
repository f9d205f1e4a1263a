package eu.smek.telesession;

/**
 * A motion's tallies as the caller may see them: a secret vote's only once it is closed (while it
 * runs, who has voted shows in the ballots, what they chose nowhere).
 */
public record Result(Motion motion, int ballots, Integer yes, Integer no, Integer abstain) {}
