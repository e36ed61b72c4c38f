package org.grassroots.shared.jobs;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The name this node writes into the lock rows it holds: the host and the process id, so that two
 * nodes on one host (and a restarted node) are told apart in {@code select * from shedlock}.
 */
final class JobNode {

	private static final String NAME = host() + ":" + ProcessHandle.current().pid();

	private JobNode() {
	}

	static String name() {
		return NAME;
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e) {
			return "unknown-host";
		}
	}

}
