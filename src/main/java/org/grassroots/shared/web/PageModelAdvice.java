package org.grassroots.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Model attributes the pages' layout needs (the navigation, the inbox badge): for the page
 * controllers and for Boot's error controller, whose error pages show the signed-in person's
 * navigation; never for the API's controllers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ControllerAdvice(annotations = PageController.class, assignableTypes = ErrorController.class)
public @interface PageModelAdvice {

}
