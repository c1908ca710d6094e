using EdgeStation.Vision.Tracking;

namespace EdgeStation.Vision.Tests.Tracking;

public sealed class KalmanAxisTests
{
    [Fact]
    public void Steady_measurements_teach_the_velocity_and_the_prediction_follows_it()
    {
        var axis = new KalmanAxis(0, 4, 3600);
        for (var i = 1; i <= 20; i++)
        {
            axis.Predict(0.1f, 100);
            axis.Correct(3f * i, 4);
        }

        Assert.InRange(axis.Velocity, 28, 32);
        axis.Predict(0.5f, 100);
        Assert.InRange(axis.Position, 60 + 14, 60 + 16);
    }

    [Fact]
    public void Prediction_without_measurements_grows_the_uncertainty()
    {
        var axis = new KalmanAxis(10, 4, 100);
        var before = axis.PositionVariance;

        axis.Predict(1, 10);

        Assert.True(axis.PositionVariance > before);
        Assert.Equal(10, axis.Position);
    }
}
