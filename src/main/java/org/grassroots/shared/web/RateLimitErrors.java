package org.grassroots.shared.web;

import org.grassroots.shared.RateLimitExceeded;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A rate limit reached: 429 with {@code Retry-After}, as a problem detail for the API and as the
 * refusal page in the user's language for pages.
 */
final class RateLimitErrors {

	private RateLimitErrors() {
	}

	static String reason(MessageSource messages, RateLimitExceeded ex) {
		return messages.getMessage("error.rate-limited", new Object[] { String.valueOf(ex.retryAfterSeconds()) },
				LocaleContextHolder.getLocale());
	}

	@ControllerAdvice(annotations = RestController.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class Api {

		private final MessageSource messages;

		Api(MessageSource messages) {
			this.messages = messages;
		}

		@ExceptionHandler(RateLimitExceeded.class)
		ResponseEntity<ProblemDetail> limited(RateLimitExceeded ex) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, reason(messages, ex));
			problem.setProperty("code", "error.rate-limited");
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
				.body(problem);
		}

	}

	// after the API's advice: a @RestController is a @Controller too
	@ControllerAdvice(annotations = Controller.class)
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	static class Pages {

		private final MessageSource messages;

		Pages(MessageSource messages) {
			this.messages = messages;
		}

		@ExceptionHandler(RateLimitExceeded.class)
		ModelAndView limited(RateLimitExceeded ex, HttpServletResponse response) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()));
			ModelAndView page = new ModelAndView("error/refused");
			page.setStatus(HttpStatus.TOO_MANY_REQUESTS);
			page.addObject("status", HttpStatus.TOO_MANY_REQUESTS.value());
			page.addObject("reason", reason(messages, ex));
			return page;
		}

	}

}
