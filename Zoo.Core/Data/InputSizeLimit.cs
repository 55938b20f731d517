using System.Globalization;
using Zoo.Core.Wps;

namespace Zoo.Core.Data;

/// <summary>
/// How many bytes one input may bring, whether given by value or by reference, and what the client is told
/// when it brings more: ZOO's FileSizeExceeded for the input's <c>maximumMegabytes</c> (the .zcfg's, else the
/// server's default), or the server's own download limit when that is lower.
/// </summary>
public sealed record InputSizeLimit(string Input, long Bytes, string? Megabytes)
{
    /// <summary>The stricter of this limit and the server's largest download (<c>fetchMaxBytes</c>).</summary>
    public InputSizeLimit AtMost(long downloadBytes) =>
        downloadBytes < Bytes ? new InputSizeLimit(Input, downloadBytes, null) : this;

    /// <param name="atLeast">the size is what arrived before the transfer was stopped, not the whole.</param>
    public WpsException Exceeded(long size, bool atLeast = false)
    {
        if (Megabytes is null)
            return new WpsException([FetchErrors.TooLarge(Input, Bytes)]);
        var megabytes = (size / 1048576.0).ToString("F6", CultureInfo.InvariantCulture);
        return new WpsException("FileSizeExceeded", Input,
            $"The <{Input}> parameter has a size limit ({Megabytes} MB) defined in the ZOO ServicesProvider configuration file, but the reference you provided exceeds this limit ({(atLeast ? "more than " : "")}{megabytes} MB).");
    }
}
