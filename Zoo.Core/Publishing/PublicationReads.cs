using Zoo.Core.Geo;

namespace Zoo.Core.Publishing;

/// <summary>
/// The GDAL tools started before a synchronous run for the outputs it will publish, one per output (at most
/// <see cref="MaxStarted"/>): GDAL loads while the service runs, so publishing only costs the read itself. What
/// is not used (a run that failed) is killed on disposal.
/// </summary>
public sealed class PublicationReads : IDisposable
{
    /// <summary>More outputs to publish than this are read without a head start: a request must not start a crowd of processes.</summary>
    public const int MaxStarted = 4;

    private readonly Dictionary<string, PendingRead> _reads = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="outputs">each output to publish, with the mime type of its data.</param>
    public static PublicationReads Start(IEnumerable<(string Output, string? DataMimeType)> outputs, GeoDataReader reader)
    {
        var reads = new PublicationReads();
        foreach (var (output, mimeType) in outputs.Take(MaxStarted))
        {
            if (reader.Prepare(mimeType) is { } pending)
                reads._reads[output] = pending;
        }
        return reads;
    }

    /// <summary>The tool started for an output, once.</summary>
    public PendingRead? Take(string output) => _reads.Remove(output, out var pending) ? pending : null;

    public void Dispose()
    {
        foreach (var pending in _reads.Values)
            pending.Dispose();
        _reads.Clear();
    }
}
