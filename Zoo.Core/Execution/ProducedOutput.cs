using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Processes;
using Zoo.Core.Publishing;

namespace Zoo.Core.Execution;

/// <summary>An output a run produced, as the response writes it: its declaration, its map, and its URL when stored by reference.</summary>
/// <param name="EmbeddedXml">the value as XML to embed as written, when it is XML the answer may carry (else it goes as text).</param>
public sealed record ProducedOutput(IoDescription Declaration, ZooMap Map, string? ReferenceUrl, string? EmbeddedXml = null)
{
    /// <summary>The inner outputs that deliver this output's value (download link, WMS link...); the output itself then carries none.</summary>
    public IReadOnlyList<ProducedOutput> Inner { get; init; } = [];

    /// <summary>Where MapServer publishes the output's data, when its reference is one of MapServer's services.</summary>
    public Publication? Publication { get; init; }

    /// <summary>The MapServer service its reference asks, when it is published.</summary>
    public OgcService? Service { get; init; }

    public string Name => Declaration.Name;

    public DataKind Kind => Declaration.Data?.Kind ?? DataKind.Complex;

    public bool AsReference => ReferenceUrl is not null;

    public string? Text(string key) => Map.Text(key);
}
