package org.grassroots.people;

/** A newly issued token: the only time its secret is shown. */
public record IssuedToken(long id, String name, String token) {

}
