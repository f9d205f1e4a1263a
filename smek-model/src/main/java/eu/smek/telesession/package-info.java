/**
 * Telesessions: online sessions between town halls, scheduled as calendar events, with invited
 * organisations and people, an ordered agenda, attendance, motions with one vote per member town
 * present, quorum and majority, and numbered resolutions. The rules that need no database (status
 * transitions, quorum, majority) are pure classes here.
 */
package eu.smek.telesession;
