package org.grassroots.shared.jobs;

/** An event only EventRetriesIntegrationTests publishes; FlakyListener fails its first delivery. */
record Flaky(String key) {

}
