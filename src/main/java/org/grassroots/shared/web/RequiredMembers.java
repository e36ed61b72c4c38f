package org.grassroots.shared.web;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.grassroots.shared.InputCheck;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import jakarta.validation.Validator;

/**
 * Refuses a JSON body that leaves null a member the code needs, with 400 naming each such member,
 * before any controller or module sees it. The request records follow one rule: a member that may
 * be left out is marked {@link Nullable}, so every other reference member, every element of a
 * list ({@code [null]}) and the members of nested records are required. Bean Validation's
 * constraints are still checked inside the modules ({@link InputCheck}); this closes the gap of
 * members without a constraint that would otherwise reach the code as null.
 */
@RestControllerAdvice(annotations = RestController.class)
class RequiredMembers extends RequestBodyAdviceAdapter {

	/** Deeper than any request record nests; a deeper body is refused by the JSON reader's own limits. */
	private static final int MAX_DEPTH = 8;

	private final MessageSource messages;

	private final Validator validator;

	RequiredMembers(MessageSource messages, Validator validator) {
		this.messages = messages;
		this.validator = validator;
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		List<String> missing = missing(body);
		if (!missing.isEmpty()) {
			throw InputCheck.refused(everyProblem(body, missing));
		}
		return body;
	}

	/**
	 * The null members together with what the module's own check would say of the rest, so that
	 * one answer names every field at fault, as {@link InputCheck} does.
	 */
	private List<Map<String, String>> everyProblem(Object body, List<String> missing) {
		Map<String, String> problems = new TreeMap<>();
		validator.validate(body).forEach(violation -> problems.putIfAbsent(violation.getPropertyPath().toString(),
				violation.getMessage()));
		String required = messages.getMessage("jakarta.validation.constraints.NotNull.message", null,
				LocaleContextHolder.getLocale());
		missing.forEach(member -> problems.putIfAbsent(member, required));
		return problems.entrySet()
			.stream()
			.map(problem -> Map.of("field", problem.getKey(), "message", problem.getValue()))
			.toList();
	}

	/** The paths of the required members left null, e.g. {@code unitIds[0]} or {@code milestones[1].title}. */
	static List<String> missing(Object body) {
		List<String> missing = new ArrayList<>();
		if (body instanceof Collection<?> elements) {
			elements(elements, "", null, missing, 0);
		}
		else {
			members(body, "", missing, 0);
		}
		return missing;
	}

	private static void members(Object value, String path, List<String> missing, int depth) {
		if (!(value instanceof Record) || depth > MAX_DEPTH) {
			return;
		}
		for (RecordComponent component : value.getClass().getRecordComponents()) {
			String member = path.isEmpty() ? component.getName() : path + "." + component.getName();
			Object memberValue = read(component, value);
			if (memberValue == null) {
				if (!component.getType().isPrimitive() && !nullable(component.getAnnotatedType())) {
					missing.add(member);
				}
			}
			else if (memberValue instanceof Collection<?> elements) {
				elements(elements, member, component.getAnnotatedType(), missing, depth + 1);
			}
			else {
				members(memberValue, member, missing, depth + 1);
			}
		}
	}

	private static void elements(Collection<?> elements, String path, @Nullable AnnotatedType type,
			List<String> missing, int depth) {
		boolean nullableElements = type instanceof AnnotatedParameterizedType parameterized
				&& parameterized.getAnnotatedActualTypeArguments().length == 1
				&& nullable(parameterized.getAnnotatedActualTypeArguments()[0]);
		int index = 0;
		for (Object element : elements) {
			String member = path + "[" + index++ + "]";
			if (element == null) {
				if (!nullableElements) {
					missing.add(member);
				}
			}
			else {
				members(element, member, missing, depth);
			}
		}
	}

	private static boolean nullable(AnnotatedType type) {
		return type.isAnnotationPresent(Nullable.class);
	}

	private static @Nullable Object read(RecordComponent component, Object record) {
		try {
			var accessor = component.getAccessor();
			accessor.setAccessible(true);
			return accessor.invoke(record);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("cannot read " + component, ex);
		}
	}

}
