namespace EdgeStation.Station.Cameras;

/// <summary>Camera addresses: which are accepted, and how they are shown without the password many RTSP addresses carry.</summary>
public static class CameraAddress
{
    private static readonly string[] Schemes = ["rtsp", "rtsps", "http", "https"];

    /// <summary>Null when <paramref name="url"/> is a camera address, else why not.</summary>
    public static string? Problem(string url)
    {
        if (url.StartsWith("/dev/video", StringComparison.Ordinal))
        {
            return null;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !Schemes.Contains(uri.Scheme) || string.IsNullOrEmpty(uri.Host))
        {
            return $"'{Redact(url)}' is not a camera address: use rtsp://HOST/PATH, http(s)://HOST/PATH (MJPEG) or /dev/videoN";
        }

        return null;
    }

    /// <summary>rtsp://admin:secret@10.0.0.5/ch1 → rtsp://admin:***@10.0.0.5/ch1.</summary>
    public static string Redact(string input)
    {
        var scheme = input.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return input;
        }

        var start = scheme + 3;
        var slash = input.IndexOf('/', start);
        var hostEnd = slash < 0 ? input.Length : slash;
        var at = input.LastIndexOf('@', hostEnd - 1, hostEnd - start);
        if (at < 0)
        {
            return input;
        }

        var colon = input.IndexOf(':', start, at - start);
        return colon < 0 ? input : string.Concat(input.AsSpan(0, colon + 1), "***", input.AsSpan(at));
    }
}
