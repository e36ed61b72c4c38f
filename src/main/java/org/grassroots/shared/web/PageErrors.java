package org.grassroots.shared.web;

import org.grassroots.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/** A refused command on a page: the error page with the reason in the user's language. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

	private final MessageSource messages;

	PageErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(DomainException.class)
	ModelAndView refused(DomainException ex) {
		ModelAndView page = new ModelAndView("error/refused");
		page.setStatus(ex.status());
		page.addObject("status", ex.status().value());
		page.addObject("reason",
				messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(), LocaleContextHolder.getLocale()));
		return page;
	}

	/** An upload the server cannot read: 400 (413 when too large) with the reason, not a server error. */
	@ExceptionHandler(MultipartException.class)
	ModelAndView unreadableUpload(MultipartException ex) {
		HttpStatus status = ex instanceof MaxUploadSizeExceededException ? HttpStatus.PAYLOAD_TOO_LARGE
				: HttpStatus.BAD_REQUEST;
		String key = ex instanceof MaxUploadSizeExceededException ? "error.413.text" : "error.multipart";
		return refused(new DomainException(status, key));
	}

}
