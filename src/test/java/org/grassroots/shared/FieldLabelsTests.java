package org.grassroots.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.grassroots.shared.web.FieldLabels;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

/**
 * Every field a command checks has a label in both languages, so a refusal never names a field
 * as the code does; and a refusal reads as labels with what is wrong.
 */
class FieldLabelsTests {

	@Test
	void everyCheckedFieldOfEveryCommandHasALabelInBothLanguages() throws Exception {
		Set<String> paths = new TreeSet<>();
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(Record.class));
		for (var candidate : scanner.findCandidateComponents("org.grassroots")) {
			collect(Class.forName(candidate.getBeanClassName()), "", paths);
		}
		assertThat(paths).contains("title", "categoryCode", "milestones.title", "roles.role", "requiredCount");
		for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
			ResourceBundleMessageSource messages = bundles();
			messages.setUseCodeAsDefaultMessage(false);
			List<String> unlabelled = new ArrayList<>();
			for (String path : paths) {
				String[] codes = FieldLabels.label(path).getCodes();
				boolean found = Arrays.stream(codes).anyMatch(code -> {
					try {
						messages.getMessage(code, null, locale);
						return true;
					}
					catch (NoSuchMessageException ex) {
						return false;
					}
				});
				if (!found) {
					unlabelled.add(path);
				}
			}
			assertThat(unlabelled).as("fields without a label in " + locale).isEmpty();
		}
	}

	/** RequiredMembers names every non-@Nullable member of a request body left null: each needs a label too. */
	@Test
	void everyRequiredMemberOfEveryRequestBodyHasALabelInBothLanguages() throws Exception {
		Set<String> paths = new TreeSet<>();
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
		for (var candidate : scanner.findCandidateComponents("org.grassroots")) {
			for (Method method : Class.forName(candidate.getBeanClassName()).getDeclaredMethods()) {
				for (Parameter parameter : method.getParameters()) {
					if (parameter.isAnnotationPresent(RequestBody.class)) {
						required(parameter.getType(), "", paths, 0);
					}
				}
			}
		}
		assertThat(paths).contains("accountIds", "s", "unitCode", "unitIds");
		for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
			assertThat(unlabelled(paths, locale)).as("required members without a label in " + locale).isEmpty();
		}
	}

	private static void required(Class<?> type, String prefix, Set<String> paths, int depth) {
		if (!type.isRecord() || depth > 4) {
			return;
		}
		for (RecordComponent component : type.getRecordComponents()) {
			if (!component.getType().isPrimitive() && !component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
				paths.add(prefix + component.getName());
			}
			required(component.getType(), prefix + component.getName() + ".", paths, depth + 1);
			if (component.getGenericType() instanceof ParameterizedType list
					&& list.getActualTypeArguments()[0] instanceof Class<?> element) {
				required(element, prefix + component.getName() + ".", paths, depth + 1);
			}
		}
	}

	private static List<String> unlabelled(Set<String> paths, Locale locale) {
		ResourceBundleMessageSource messages = bundles();
		messages.setUseCodeAsDefaultMessage(false);
		List<String> unlabelled = new ArrayList<>();
		for (String path : paths) {
			boolean found = Arrays.stream(FieldLabels.label(path).getCodes()).anyMatch(code -> {
				try {
					messages.getMessage(code, null, locale);
					return true;
				}
				catch (NoSuchMessageException ex) {
					return false;
				}
			});
			if (!found) {
				unlabelled.add(path);
			}
		}
		return unlabelled;
	}

	@Test
	void aRefusalNamesEachFieldByItsLabelWithWhatIsWrong() {
		ResourceBundleMessageSource messages = bundles();
		var refusal = FieldLabels.problems(List.of(FieldLabels.problem("description", "不能为空"),
				FieldLabels.problem("locationUnitId", "不能为null"), FieldLabels.problem("milestones[0].title", "不能为空")));
		assertThat(messages.getMessage("error.invalid-fields", new Object[] { refusal }, Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("输入有误，请检查：问题描述：不能为空；问题所在地：不能为null；阶段目标名称：不能为空");
		assertThat(messages.getMessage("error.invalid-fields", new Object[] { refusal }, Locale.ENGLISH))
			.startsWith("The input is not valid; check: Description: 不能为空; Location: ");
	}

	@Test
	void aFieldWithoutALabelStillReadsAsWords() {
		assertThat(new StaticMessageSource().getMessage(FieldLabels.label("someNewField"), Locale.ENGLISH))
			.isEqualTo("some new field");
	}

	/** The record's checked components by path, and those of the records it checks in turn (@Valid). */
	private static void collect(Class<?> type, String prefix, Set<String> paths) {
		if (!type.isRecord()) {
			return;
		}
		for (RecordComponent component : type.getRecordComponents()) {
			String path = prefix + component.getName();
			if (constrained(component)) {
				paths.add(path);
			}
			Class<?> nested = validNested(component);
			if (nested != null && nested != type) {
				collect(nested, path + ".", paths);
			}
		}
	}

	private static boolean constrained(RecordComponent component) {
		List<Annotation> annotations = new ArrayList<>(Arrays.asList(component.getAccessor().getAnnotations()));
		annotations.addAll(Arrays.asList(component.getAnnotatedType().getAnnotations()));
		return annotations.stream()
			.anyMatch(annotation -> annotation.annotationType().getPackageName().equals("jakarta.validation.constraints"));
	}

	/** The element record of a component marked @Valid, itself or its type argument (List<@Valid X>). */
	private static Class<?> validNested(RecordComponent component) {
		boolean valid = component.getAccessor().isAnnotationPresent(Valid.class);
		AnnotatedType type = component.getAnnotatedType();
		if (type instanceof AnnotatedParameterizedType parameterized) {
			AnnotatedType argument = parameterized.getAnnotatedActualTypeArguments()[0];
			valid |= argument.isAnnotationPresent(Valid.class);
			if (valid && ((ParameterizedType) parameterized.getType()).getActualTypeArguments()[0] instanceof Class<?> element) {
				return element;
			}
			return null;
		}
		return valid ? component.getType() : null;
	}

	private static ResourceBundleMessageSource bundles() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
