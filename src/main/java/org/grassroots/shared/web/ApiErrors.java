package org.grassroots.shared.web;

import java.util.List;
import java.util.Map;

import org.grassroots.shared.DomainException;
import org.grassroots.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every API error as an RFC 9457 problem detail, its text in the caller's language. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	ApiErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(DomainException.class)
	ProblemDetail refused(DomainException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(),
				messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(), LocaleContextHolder.getLocale()));
		problem.setProperty("code", ex.messageKey());
		if (ex instanceof RowErrors rows) {
			problem.setProperty("errors", rows.localized(messages));
		}
		return problem;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				messages.getMessage("error.404.text", null, LocaleContextHolder.getLocale()));
	}

	/** A multipart body that cannot be read (no boundary, cut short): the client's mistake. */
	@ExceptionHandler(MultipartException.class)
	ProblemDetail unreadableUpload(MultipartException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				messages.getMessage("error.multipart", null, LocaleContextHolder.getLocale()));
	}

	/** Unreadable JSON names the field at fault, not the parser's internals. */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(
			org.springframework.http.converter.HttpMessageNotReadableException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = ex.getMostSpecificCause() instanceof tools.jackson.databind.DatabindException bad
				? bad.getPath().stream()
					.map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
							: String.valueOf(reference.getIndex()))
					.reduce((a, b) -> a + "." + b)
					.orElse("")
				: "";
		String detail = field.isEmpty() ? messages.getMessage("error.unreadable", null, LocaleContextHolder.getLocale())
				: messages.getMessage("error.unreadable-field", new Object[] { FieldLabels.label(field) },
						LocaleContextHolder.getLocale());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		if (!field.isEmpty()) {
			problem.setProperty("errors", List.of(Map.of("field", field, "label",
					FieldLabels.label(field, messages, LocaleContextHolder.getLocale()), "message", detail)));
		}
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ex.getBody();
		problem.setDetail(messages.getMessage("error.invalid-input", null, LocaleContextHolder.getLocale()));
		List<Map<String, Object>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> Map.<String, Object>of("field", error.getField(), "label",
					FieldLabels.label(error.getField(), messages, LocaleContextHolder.getLocale()), "message",
					messages.getMessage(FieldLabels.problem(error.getField(),
							messages.getMessage(error, LocaleContextHolder.getLocale())), LocaleContextHolder.getLocale())))
			.toList();
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

}
