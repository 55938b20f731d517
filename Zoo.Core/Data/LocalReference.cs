using Zoo.Core.Files;
using Zoo.Core.Jobs;
using Zoo.Core.Wps;

namespace Zoo.Core.Data;

/// <summary>
/// References read from the local disk instead of downloaded: URLs under <c>[main] tmpUrl</c> (read from
/// tmpPath) and <c>file://</c> URLs (read only inside <c>[main] allowedPaths</c>). Both are judged on the
/// path they really lead to (<see cref="LocalPaths.Resolve"/>), and that resolved path is what is read; under
/// tmpPath, never a file that is the kernel's own (<see cref="JobStore.IsKernelPrivate"/>).
/// </summary>
internal static class LocalReference
{
    /// <summary>
    /// The file a URL under tmpUrl stands for, or null when the URL is not under tmpUrl.
    /// </summary>
    /// <exception cref="WpsException">the URL leads outside tmpPath.</exception>
    public static string? TmpFile(FetchSettings settings, Uri url)
    {
        if (settings.TmpUrl is not { } tmpUrl || settings.TmpPath is not { } tmpPath)
            return null;
        if (!string.Equals(url.Scheme, tmpUrl.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(url.Host, tmpUrl.Host, StringComparison.OrdinalIgnoreCase)
            || url.Port != tmpUrl.Port)
            return null;
        var prefix = tmpUrl.AbsolutePath.EndsWith('/') ? tmpUrl.AbsolutePath : tmpUrl.AbsolutePath + "/";
        if (!url.AbsolutePath.StartsWith(prefix, StringComparison.Ordinal))
            return null;
        var relative = Uri.UnescapeDataString(url.AbsolutePath[prefix.Length..]);
        var directory = Resolved(tmpPath);
        var file = Resolved(Path.Join(directory, relative));
        if (file is null || directory is null || file == directory || !LocalPaths.IsUnder(file, directory)
            || JobStore.IsKernelPrivate(Path.GetFileName(file)))
            throw FetchErrors.FileNotAllowed(url.OriginalString);
        return file;
    }

    /// <summary>The file a file:// URL names, when it lies inside one of the allowed paths.</summary>
    /// <exception cref="WpsException">no allowed path holds it, or the URL names a remote host.</exception>
    public static string AllowedFile(FetchSettings settings, string href)
    {
        if (!Uri.TryCreate(href, UriKind.Absolute, out var url) || !url.IsFile || url.IsUnc
            || !(url.Host.Length == 0 || string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase)))
            throw FetchErrors.FileNotAllowed(href);
        var file = Resolved(Uri.UnescapeDataString(url.AbsolutePath));
        if (file is null)
            throw FetchErrors.FileNotAllowed(href);
        foreach (var allowed in settings.AllowedPaths)
        {
            if (Path.IsPathRooted(allowed) && Resolved(allowed) is { } directory && LocalPaths.IsUnder(file, directory))
                return file;
        }
        throw FetchErrors.FileNotAllowed(href);
    }

    /// <summary>
    /// Copies a local file (a regular one: a FIFO or a device would hang the request) into
    /// <paramref name="destination"/>, within the input's limit.
    /// </summary>
    /// <returns>the number of bytes copied.</returns>
    /// <exception cref="WpsException">the file is missing, not a regular file, unreadable, or larger than the limit.</exception>
    public static long CopyTo(string path, InputSizeLimit limit, ChunkWriter destination)
    {
        try
        {
            using var stream = SafeFile.OpenRead(path);
            if (stream.Length > limit.Bytes)
                throw limit.Exceeded(stream.Length);
            var chunk = new byte[81920];
            long total = 0;
            int read;
            while ((read = stream.Read(chunk)) > 0)
            {
                total += read;
                if (total > limit.Bytes)
                    throw limit.Exceeded(total, atLeast: true);
                destination(chunk.AsSpan(0, read));
            }
            return total;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WpsException([FetchErrors.LocalFileUnreadable(limit.Input)]);
        }
    }

    private static string? Resolved(string path)
    {
        try
        {
            return LocalPaths.Resolve(path);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
