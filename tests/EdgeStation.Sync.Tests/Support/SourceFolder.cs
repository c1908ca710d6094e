using System.Runtime.CompilerServices;

namespace EdgeStation.Sync.Tests.Support;

/// <summary>The test project's source folder, so golden files are read from (and regenerated into) git's copy.</summary>
internal static class SourceFolder
{
    public static string Of([CallerFilePath] string thisFile = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(thisFile))!;
}
