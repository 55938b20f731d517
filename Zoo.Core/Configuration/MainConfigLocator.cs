using Zoo.Core.Processes;

namespace Zoo.Core.Configuration;

/// <summary>
/// Finds main.cfg as ZOO does: in the working directory (web servers start a CGI in its own
/// directory), below it by the request's <c>metapath</c>, else beside the executable.
/// Unlike ZOO, a metapath is only followed when every segment is a plain name.
/// </summary>
public static class MainConfigLocator
{
    public static string? Find(string workingDirectory, string executableDirectory, string? metaPath)
    {
        var relative = "";
        if (!string.IsNullOrEmpty(metaPath))
        {
            var segments = metaPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (!segments.All(ServiceRegistry.IsSafeSegment))
                return null;
            relative = Path.Combine(segments);
        }
        foreach (var directory in new[] { workingDirectory, executableDirectory })
        {
            var candidate = Path.Combine(directory, relative, MainConfig.FileName);
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }
}
