namespace EdgeStation.Domain.Demo;

/// <summary>SplitMix64: a tiny generator whose sequence is the same on every platform and .NET version.</summary>
internal sealed class DemoRandom(ulong seed)
{
    private ulong _state = seed;

    public static DemoRandom For(string text)
    {
        // FNV-1a over UTF-16 code units: stable, unlike string.GetHashCode.
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return new DemoRandom(hash);
    }

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double Unit() => (Next() >> 11) * (1.0 / (1UL << 53));

    public int Between(int min, int maxInclusive) => min + (int)(Next() % (ulong)(maxInclusive - min + 1));

    public bool Chance(double p) => Unit() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[(int)(Next() % (ulong)items.Count)];

    public T Weighted<T>(params (T Item, double Weight)[] items)
    {
        var total = items.Sum(i => i.Weight);
        var x = Unit() * total;
        foreach (var (item, weight) in items)
        {
            if ((x -= weight) < 0)
            {
                return item;
            }
        }
        return items[^1].Item;
    }
}
