/**
 * Tribuo (4.3) adapters over ssm4j hidden Markov models.
 * <ul>
 *   <li>{@link io.ssm4j.tribuo.HmmSequenceTrainer}: an unsupervised {@code SequenceTrainer<ClusterID>} that fits an
 *       HMM by EM with restarts; its {@link io.ssm4j.tribuo.HmmSequenceModel} predicts, for every step, the most
 *       probable state and carries every state's posterior probability p(z_t = k | y_{1:T}) in the scores.</li>
 *   <li>{@link io.ssm4j.tribuo.HmmFeatureSequenceTrainer}: fits an HMM, appends the posterior state probabilities
 *       to each step's features ({@code hmm_state_k}) and trains any Tribuo {@code Trainer<T>} on the steps.</li>
 * </ul>
 * Hyperparameters are OLCUT {@code @Config} fields, so a model's provenance records them and can rebuild the
 * trainer. Models are {@link java.io.Serializable} (Java serialization); the HMM is kept as its named parameter
 * arrays ({@link io.ssm4j.tribuo.HmmParameters}). Tribuo examples are converted once per sequence to a dense
 * T x D {@link io.ssm4j.data.TimeSeries}, so the EM and message passing run on flat arrays.
 */
package io.ssm4j.tribuo;
