package org.grassroots.plans;

/** A measure as lists show it: with how many of its linked problems are closed. */
public record MeasureLine(WorkMeasure measure, int problemsClosed, int problemsLinked) {

}
