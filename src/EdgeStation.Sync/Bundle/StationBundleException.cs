namespace EdgeStation.Sync.Bundle;

/// <summary>A station bundle that cannot be used; <see cref="Problem"/> says which check it failed.</summary>
public sealed class StationBundleException : Exception
{
    public StationBundleException(BundleProblem problem, string message, Exception? inner = null)
        : base(message, inner)
    {
        Problem = problem;
    }

    public BundleProblem Problem { get; }
}
