package org.grassroots.people;

/** The demo units and accounts are in place; other modules add their demo data on top. */
public record DemoDataLoaded() {

}
