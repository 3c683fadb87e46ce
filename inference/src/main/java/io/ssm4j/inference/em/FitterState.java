package io.ssm4j.inference.em;

import io.ssm4j.inference.fit.EmProgress;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.models.hmm.HiddenMarkovModel;

/**
 * The state of a fit with restarts, as written to a checkpoint: the restart in progress (0-based), its EM
 * progress, and the best finished restart so far (null before the first finishes).
 */
public record FitterState(int restart, EmProgress<HiddenMarkovModel> current, FitResult<HiddenMarkovModel> best) {}
