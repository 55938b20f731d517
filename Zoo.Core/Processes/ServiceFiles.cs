using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Wps;

namespace Zoo.Core.Processes;

/// <summary>Reads a registered service's .zcfg, turning a broken file into ZOO's InternalError.</summary>
public static class ServiceFiles
{
    public static ProcessDescription Read(ServiceEntry entry, bool headerOnly)
    {
        try
        {
            return ZcfgParser.ReadFile(entry.FilePath, headerOnly);
        }
        catch (ConfigurationException e)
        {
            Console.Error.WriteLine($"zoo_loader: {entry.FilePath}: {e.Message}");
            throw Messages.UnreadableServiceFile($"{entry.Identifier}.zcfg ({e.Message})");
        }
    }
}
