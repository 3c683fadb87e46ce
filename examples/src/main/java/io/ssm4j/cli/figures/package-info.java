/**
 * Figures of fitted state-space models, drawn with XChart and written as PNG (and SVG where VectorGraphics2D is
 * on the class path): the objective trace of a fit, posterior state probabilities, observations and spike
 * rasters over the decoded (Viterbi) states, the transition matrix, a covariate per state and dwell times.
 * Each figure class builds one chart from plain arrays; {@link io.ssm4j.cli.figures.FigureFiles} writes it.
 * Long series are reduced to at most {@link io.ssm4j.cli.figures.Downsample#MAX_POINTS} points for display.
 */
package io.ssm4j.cli.figures;
