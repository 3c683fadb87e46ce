/**
 * Exact inference in linear dynamical systems: the Kalman filter ({@link io.ssm4j.inference.kalman.KalmanFilter},
 * standard or Joseph-form covariance update, steady-state switch), the Rauch-Tung-Striebel smoother with lag-one
 * cross-covariances ({@link io.ssm4j.inference.kalman.KalmanSmoother}), forward-filter backward-sample
 * ({@link io.ssm4j.inference.kalman.KalmanSampler}) and the information-form block-tridiagonal solver
 * ({@link io.ssm4j.inference.kalman.BlockTridiagonal}), and the parallel-in-time filter and smoother of Sarkka and
 * Garcia-Fernandez (2021) as a blocked associative scan ({@link io.ssm4j.inference.kalman.ParallelKalmanFilter},
 * {@link io.ssm4j.inference.kalman.ParallelKalmanSmoother}) with {@link io.ssm4j.inference.kalman.KalmanInference}
 * choosing between sequential and parallel. Filter and smoother work on flat arrays, one sequence per call; trials
 * run in parallel on {@link io.ssm4j.inference.TrialExecutor}.
 */
package io.ssm4j.inference.kalman;
