namespace Zoo.Core.Geo;

/// <summary>A tool <see cref="GeoDataReader.Prepare"/> started ahead of its read; disposed unused, it is killed.</summary>
public sealed class PendingRead : IDisposable
{
    private GdalToolRunner.ToolProcess? _process;

    internal PendingRead(bool isVector, GdalToolRunner.ToolProcess process)
    {
        IsVector = isVector;
        _process = process;
    }

    /// <summary>ogrinfo when true, gdalinfo otherwise.</summary>
    internal bool IsVector { get; }

    /// <summary>The started tool, once: the read that takes it completes it.</summary>
    internal GdalToolRunner.ToolProcess? Take()
    {
        var process = _process;
        _process = null;
        return process;
    }

    public void Dispose() => _process?.Dispose();
}
