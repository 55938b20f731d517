using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Processes;

namespace Zoo.Core.Wps.Responses;

/// <summary>
/// A service as the responses present it: published under its namespace prefix and the name its
/// .zcfg gives (not the file's name), with what was read of its description, as its runner presents it.
/// </summary>
public sealed record ProcessOffering(string Identifier, ProcessDescription Description)
{
    public static ProcessOffering Read(ServiceEntry entry, RunnerCatalog runners)
    {
        var description = runners.Present(ServiceFiles.Read(entry, headerOnly: false));
        return new ProcessOffering(entry.Prefix + description.Name, description);
    }
}
