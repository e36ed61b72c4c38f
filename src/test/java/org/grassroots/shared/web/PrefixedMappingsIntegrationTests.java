package org.grassroots.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The app's mappings check each mapping's fixed prefix and methods first ({@link PrefixedMappings});
 * for a request made from every mapping of the app, they must choose what Spring's own conditions
 * choose over all mappings.
 */
@IntegrationTest
class PrefixedMappingsIntegrationTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@LocalServerPort
	int port;

	@Test
	void theAppUsesThePrefixedMappings() {
		assertThat(mappings).isInstanceOf(PrefixedMappings.class);
	}

	@Test
	void aRequestMadeFromEveryMappingFindsWhatSpringsConditionsFind() throws Exception {
		Map<RequestMappingInfo, HandlerMethod> all = mappings.getHandlerMethods();
		List<MockHttpServletRequest> requests = new ArrayList<>();
		for (RequestMappingInfo info : all.keySet()) {
			for (String pattern : info.getPatternValues()) {
				String path = samplePath(pattern);
				for (RequestMethod method : methodsOf(info)) {
					requests.add(request(method.name(), path));
				}
				// HEAD finds GET mappings; an encoded letter and a ;parameter are matched after decoding
				requests.add(request("HEAD", path));
				requests.add(request("OPTIONS", path));
				requests.add(request(methodsOf(info).get(0).name(), path.replaceFirst("/a", "/%61")));
				requests.add(request(methodsOf(info).get(0).name(), path + ";x=1"));
			}
		}
		assertThat(requests).hasSizeGreaterThan(800);
		int found = 0;
		for (MockHttpServletRequest request : requests) {
			Optional<Method> expected = bySpringsConditions(all, request);
			assertThat(chosen(request)).as("%s %s", request.getMethod(), request.getRequestURI()).isEqualTo(expected);
			found += expected.isPresent() ? 1 : 0;
		}
		assertThat(found).isGreaterThan(all.size());
	}

	@Test
	void aWrongMethodIsStillAnswered405() {
		Api api = new Api(port);
		Api.Reply reply = api.delete(api.token("member.li"), "/api/v1/learning/points/1/check-in");
		assertThat(reply.status()).isEqualTo(405);
	}

	@Test
	void theGateTurnsAwayOnlyOtherPathsAndOtherMethods() {
		PrefixedMappings.Gate checkIn = new PrefixedMappings.Gate(
				new String[] { PrefixedMappings.Gate.fixedPrefix("/api/v1/learning/points/{id}/check-in") },
				java.util.Set.of("POST"));
		assertThat(checkIn.prefixes()).containsExactly("/api/v1/learning/points/");
		assertThat(checkIn.admits(PrefixedMappings.Probe.of("/api/v1/learning/points/7/check-in", "POST"))).isTrue();
		assertThat(checkIn.admits(PrefixedMappings.Probe.of("/api/v1/learning/points/7/check-in", "GET"))).isFalse();
		assertThat(checkIn.admits(PrefixedMappings.Probe.of("/api/v1/problems/7", "POST"))).isFalse();
		// left to Spring: HEAD and OPTIONS, and paths Spring decodes before matching
		assertThat(checkIn.admits(PrefixedMappings.Probe.of("/api/v1/learning/points/7/check-in", "OPTIONS"))).isTrue();
		assertThat(checkIn.admits(PrefixedMappings.Probe.of("/api/v1/le%61rning/points/7/check-in", "POST"))).isTrue();
		assertThat(PrefixedMappings.Gate.fixedPrefix("/webjars/**")).isEqualTo("/webjars/");
		assertThat(PrefixedMappings.Gate.fixedPrefix("/open311/v2/requests.json")).isEqualTo("/open311/v2/requests.json");
	}

	private Optional<Method> chosen(MockHttpServletRequest request) {
		try {
			HandlerExecutionChain chain = mappings.getHandler(request);
			// an OPTIONS request that matches no method is answered by Spring's own handler (the Allow header)
			return chain != null && chain.getHandler() instanceof HandlerMethod method
					&& !method.getBeanType().getName().contains("HttpOptionsHandler") ? Optional.of(method.getMethod())
							: Optional.empty();
		}
		catch (Exception refused) {
			// no match (404), another method (405), media types (415, 406), ambiguity: Spring found none
			return Optional.empty();
		}
	}

	/** What Spring's lookup picks when it tries every mapping: the best of all that match. */
	private static Optional<Method> bySpringsConditions(Map<RequestMappingInfo, HandlerMethod> all,
			MockHttpServletRequest request) {
		RequestMappingInfo best = null;
		RequestMappingInfo bestMatch = null;
		for (RequestMappingInfo info : all.keySet()) {
			RequestMappingInfo match = info.getMatchingCondition(request);
			if (match != null && (bestMatch == null || match.compareTo(bestMatch, request) < 0)) {
				best = info;
				bestMatch = match;
			}
		}
		if (best == null) {
			return Optional.empty();
		}
		for (RequestMappingInfo info : all.keySet()) {
			RequestMappingInfo match = info.getMatchingCondition(request);
			if (info != best && match != null && match.compareTo(bestMatch, request) == 0) {
				return Optional.empty(); // ambiguous: Spring refuses
			}
		}
		return Optional.of(all.get(best).getMethod());
	}

	private static List<RequestMethod> methodsOf(RequestMappingInfo info) {
		var declared = info.getMethodsCondition().getMethods();
		return declared.isEmpty() ? List.of(RequestMethod.GET, RequestMethod.POST) : List.copyOf(declared);
	}

	private static String samplePath(String pattern) {
		return pattern.replaceAll("\\{\\*[^}]+}", "a/b")
			.replaceAll("\\{[^}]+}", "1")
			.replace("**", "a/b")
			.replace("*", "a")
			.replace("?", "a");
	}

	private static MockHttpServletRequest request(String method, String path) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		ServletRequestPathUtils.parseAndCache(request);
		return request;
	}

}
