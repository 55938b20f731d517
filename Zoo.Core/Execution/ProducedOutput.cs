using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Processes;

namespace Zoo.Core.Execution;

/// <summary>An output a run produced, as the response writes it: its declaration, its map, and its URL when stored by reference.</summary>
public sealed record ProducedOutput(IoDescription Declaration, ZooMap Map, string? ReferenceUrl)
{
    public string Name => Declaration.Name;

    public DataKind Kind => Declaration.Data?.Kind ?? DataKind.Complex;

    public bool AsReference => ReferenceUrl is not null;

    public string? Text(string key) => Map.Text(key);
}
