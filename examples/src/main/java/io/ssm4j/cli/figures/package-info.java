/**
 * Figures of fitted state-space models, drawn with XChart and written as PNG (and SVG where VectorGraphics2D is
 * on the class path): the objective trace of a fit, posterior state probabilities, observations and spike
 * rasters over the decoded (Viterbi) states, the transition matrix, a covariate per state and dwell times; for
 * linear dynamical systems the posterior latents over time, latent trajectories in a plane (or three planes for a
 * 3-D view) of a {@link io.ssm4j.cli.figures.LatentProjection}, the dynamics' flow field and the observations
 * against the predicted mean. Each figure class builds one chart (or {@link io.ssm4j.cli.figures.ChartPanels} of
 * several) from plain arrays; {@link io.ssm4j.cli.figures.FigureFiles} writes it.
 * Long series are reduced to at most {@link io.ssm4j.cli.figures.Downsample#MAX_POINTS} points for display.
 */
package io.ssm4j.cli.figures;
