namespace EdgeStation.Vision.Tracking;

/// <summary>
/// A constant-velocity Kalman filter on one coordinate: position, velocity and their 2×2
/// covariance. The tracker runs one for the centre's x and one for its y; that is enough to carry
/// a walker through a missed detection or a crossing, and costs a few multiplications.
/// </summary>
public struct KalmanAxis
{
    private float p00;
    private float p01;
    private float p11;

    public KalmanAxis(float position, float positionVariance, float velocityVariance)
    {
        Position = position;
        Velocity = 0;
        p00 = positionVariance;
        p01 = 0;
        p11 = velocityVariance;
    }

    public float Position { readonly get; private set; }

    public float Velocity { readonly get; private set; }

    /// <summary>Variance of the position estimate.</summary>
    public readonly float PositionVariance => p00;

    /// <summary>Moves the estimate <paramref name="dt"/> seconds ahead; <paramref name="accelerationVariance"/> is the process noise.</summary>
    public void Predict(float dt, float accelerationVariance)
    {
        if (dt <= 0)
        {
            return;
        }

        Position += Velocity * dt;
        var dt2 = dt * dt;
        // P = F P Fᵀ + Q, with F = [[1, dt], [0, 1]] and Q the white-acceleration model.
        var n00 = p00 + (2 * dt * p01) + (dt2 * p11) + (accelerationVariance * dt2 * dt2 / 4);
        var n01 = p01 + (dt * p11) + (accelerationVariance * dt2 * dt / 2);
        var n11 = p11 + (accelerationVariance * dt2);
        p00 = n00;
        p01 = n01;
        p11 = n11;
    }

    /// <summary>Folds in a measured position with variance <paramref name="measurementVariance"/>.</summary>
    public void Correct(float measured, float measurementVariance)
    {
        var innovation = measured - Position;
        var s = p00 + measurementVariance;
        var k0 = p00 / s;
        var k1 = p01 / s;
        Position += k0 * innovation;
        Velocity += k1 * innovation;
        var n00 = (1 - k0) * p00;
        var n01 = (1 - k0) * p01;
        var n11 = p11 - (k1 * p01);
        p00 = n00;
        p01 = n01;
        p11 = n11;
    }
}
