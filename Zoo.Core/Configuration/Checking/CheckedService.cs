using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Processes;

namespace Zoo.Core.Configuration.Checking;

/// <summary>A service whose .zcfg reads: where it is, what it says, and the lines of its header keys.</summary>
public sealed record CheckedService(ServiceEntry Entry, ProcessDescription Process, ZcfgHeaderLines Lines)
{
    /// <summary>The place of a header key of the .zcfg (the <c>[Name]</c> line when the key is absent).</summary>
    public Place At(string key) => new(Entry.FilePath, Lines.LineOf(key) is > 0 and var line ? line : Lines.NameLine, null, key);
}
